/**
 * Calendar-time BIFs of the `erlang` module: localtime/0, universaltime/0,
 * date/0, time/0, now/0, the local/universal conversions and the
 * POSIX-seconds conversions. (timestamp/0 and the monotonic/system clocks are
 * process-runtime BIFs: erlang-process.ts.)
 *
 * Validation is BEAM's: a datetime is `{{Y,M,D},{H,Mi,S}}` of small integers,
 * a real calendar date, 0..23 / 0..59 / 0..59. POSIX conversions accept years
 * from 1600, the local-time ones from 1902 (erts' BASEYEAR); both up to
 * INT_MAX − 1. `posixtime_to_universaltime/1` follows erts' day arithmetic
 * (C division, so years before 1 come out as BEAM prints them).
 *
 * Local time comes from the JS engine's time zone. The DST flag of
 * localtime_to_universaltime/2 is applied the way glibc's mktime() applies
 * it (see localToUtc); with `undefined`, an ambiguous local time resolves to
 * the earlier instant, as JS does. Dates beyond what a JS Date holds
 * (±275,000 years) use the zone offset of year 275,000.
 */
import { normInt, type Term } from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';

type DateTime = [number, number, number, number, number, number];

const INT_MAX = 2 ** 31 - 1;
const POSIX_MIN_YEAR = 1600;
const LOCAL_MIN_YEAR = 1902;
const SECS_PER_DAY = 86400n;

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `{{Y,M,D},{H,Mi,S}}` of small integers, else `badarg` (no range checks). */
function parts(t: Term): DateTime {
  if (!Array.isArray(t) || t.length !== 2) return badarg();
  const [d, tm] = t;
  if (!Array.isArray(d) || d.length !== 3 || !Array.isArray(tm) || tm.length !== 3) return badarg();
  const all = [...d, ...tm];
  if (!all.every((x) => typeof x === 'number' && Number.isInteger(x))) return badarg();
  return all as DateTime;
}

function checkValid([y, mo, d, h, mi, s]: DateTime, minYear: number): void {
  const ok =
    y >= minYear && y <= INT_MAX - 1 && mo >= 1 && mo <= 12 &&
    d >= 1 && d <= MONTH_DAYS[mo]! + (mo === 2 && isLeap(y) ? 1 : 0) &&
    h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59;
  if (!ok) badarg();
}

/** Days from 1970-01-01 to a proleptic Gregorian date (y ≥ 1). */
function epochDays(y: number, mo: number, d: number): bigint {
  // Count from March so the leap day is the last day of the "year".
  const yy = BigInt(mo <= 2 ? y - 1 : y);
  const m = BigInt(mo <= 2 ? mo + 9 : mo - 3);
  const days = 365n * yy + yy / 4n - yy / 100n + yy / 400n + (153n * m + 2n) / 5n + BigInt(d - 1);
  return days - 719468n;
}

function toPosix(dt: DateTime): bigint {
  const [y, mo, d, h, mi, s] = dt;
  return epochDays(y, mo, d) * SECS_PER_DAY + BigInt(h * 3600 + mi * 60 + s);
}

const dateTimeTerm = ([y, mo, d, h, mi, s]: DateTime): Term => [[normInt(BigInt(y)), mo, d], [h, mi, s]];

/** erts' seconds_to_univ: C integer division throughout (BigInt divides the same way). */
function fromPosix(t: bigint): Term {
  let days = t / SECS_PER_DAY;
  let secs = t % SECS_PER_DAY;
  if (secs < 0n) {
    days--;
    secs += SECS_PER_DAY;
  }
  const sec = Number(secs);
  days += 719468n;
  let y = (10000n * days + 14780n) / 3652425n;
  let rest = days - (365n * y + y / 4n - y / 100n + y / 400n);
  if (rest < 0n) {
    y--;
    rest = days - (365n * y + y / 4n - y / 100n + y / 400n);
  }
  const mi = (100n * rest + 52n) / 3060n;
  const month = Number(((mi + 2n) % 12n) + 1n);
  const year = y + (mi + 2n) / 12n;
  const day = Number(rest - (mi * 306n + 5n) / 10n + 1n);
  return [[normInt(year), month, day], [Math.floor(sec / 3600), Math.floor((sec % 3600) / 60), sec % 60]];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function posixArg(t: Term): bigint {
  if (typeof t !== 'number' && typeof t !== 'bigint') return badarg();
  const b = BigInt(t);
  return b >= INT64_MIN && b <= INT64_MAX ? b : badarg();
}

// ---- local time through the JS engine's zone ----------------------------------

/** JS Dates hold ±8.64e15 ms; farther dates borrow this year's zone rules. */
const JS_MAX_YEAR = 275000;

/**
 * Zone offset (local − UTC) in seconds at a UTC instant. Read from the local
 * wall-clock fields rather than getTimezoneOffset(), which rounds to whole
 * minutes (old local mean times have seconds: Sao Paulo was −3:06:28).
 */
function zoneOffsetAt(utcSecs: bigint): number {
  const limit = 8.64e12;
  const s = utcSecs > BigInt(limit) || utcSecs < BigInt(-limit)
    ? Number(toPosix([JS_MAX_YEAR, 1, 1, 0, 0, 0]))
    : Number(utcSecs);
  const d = new Date(s * 1000);
  const wall = new Date(0);
  wall.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
  wall.setUTCHours(d.getHours(), d.getMinutes(), d.getSeconds(), 0);
  return Math.round(wall.getTime() / 1000) - s;
}

function utcToLocal(dt: DateTime): Term {
  const utc = toPosix(dt);
  return fromPosix(utc + BigInt(zoneOffsetAt(utc)));
}

/**
 * Local time to UTC, as mktime() does it: `isDst` undefined lets the zone
 * decide; true or false insists. When the zone's own answer at that time
 * differs from the insisted one, glibc shifts by the zone's DST offset (an
 * hour when the zone has no DST at all), and so does this.
 */
function localToUtc(dt: DateTime, isDst?: boolean): Term {
  const [y, mo, d, h, mi, s] = dt;
  if (y > JS_MAX_YEAR) {
    const asUtc = toPosix(dt);
    return fromPosix(asUtc - BigInt(zoneOffsetAt(asUtc)));
  }
  const date = new Date(2000, 0, 1, 0, 0, 0);
  date.setFullYear(y, mo - 1, d);
  date.setHours(h, mi, s, 0);
  let utc = Math.floor(date.getTime() / 1000);
  if (isDst === undefined) {
    // A wall time that occurs twice (clocks going back): JS takes the first,
    // glibc the second.
    const { delta } = dstState(date);
    const later = new Date((utc + delta) * 1000);
    if (later.getHours() === h && later.getMinutes() === mi && later.getDate() === d) utc += delta;
  } else {
    const { inDst, delta } = dstState(date);
    if (isDst && !inDst) utc -= delta;
    else if (!isDst && inDst) utc += delta;
  }
  return fromPosix(BigInt(utc));
}

/** Is `d` in daylight saving time, and by how much does DST shift this zone? */
function dstState(d: Date): { inDst: boolean; delta: number } {
  const y = d.getFullYear();
  const jan = -new Date(y, 0, 1).getTimezoneOffset();
  const jul = -new Date(y, 6, 1).getTimezoneOffset();
  const standard = Math.min(jan, jul);
  const delta = jan === jul ? 3600 : Math.abs(jul - jan) * 60;
  return { inDst: -d.getTimezoneOffset() > standard, delta };
}

const nowParts = (utc: boolean): DateTime => {
  const secs = BigInt(Math.floor(Date.now() / 1000));
  const t = (utc ? fromPosix(secs) : fromPosix(secs + BigInt(zoneOffsetAt(secs)))) as Term[][];
  return [...t[0]!, ...t[1]!] as DateTime;
};

// ---- timestamps -----------------------------------------------------------------

/** Microseconds of system time, from the wall clock refined by the monotonic one. */
function systemMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

const splitMicros = (us: number): Term => {
  const secs = Math.floor(us / 1e6);
  return [Math.floor(secs / 1e6), secs % 1e6, us % 1e6];
};

/** erlang:now/0 never returns the same value twice, and never goes backwards. */
let lastNow = 0;
function now(): Term {
  let us = systemMicros();
  if (us <= lastNow) us = lastNow + 1;
  lastNow = us;
  return splitMicros(us);
}

function isDstArg(t: Term): boolean | undefined {
  if (t === 'undefined') return undefined;
  if (t === 'true' || t === 'false') return t === 'true';
  return badarg();
}

export const timeBifs: [string, Bif][] = [
  ['localtime/0', () => dateTimeTerm(nowParts(false))],
  ['universaltime/0', () => dateTimeTerm(nowParts(true))],
  ['date/0', () => nowParts(false).slice(0, 3)],
  ['time/0', () => nowParts(false).slice(3)],
  ['now/0', () => now()],
  ['localtime_to_universaltime/1', (_p, t) => {
    const dt = parts(t);
    checkValid(dt, LOCAL_MIN_YEAR);
    return localToUtc(dt);
  }],
  ['localtime_to_universaltime/2', (_p, t, dst) => {
    const isDst = isDstArg(dst);
    const dt = parts(t);
    checkValid(dt, LOCAL_MIN_YEAR);
    return localToUtc(dt, isDst);
  }],
  ['universaltime_to_localtime/1', (_p, t) => {
    const dt = parts(t);
    checkValid(dt, LOCAL_MIN_YEAR);
    return utcToLocal(dt);
  }],
  ['universaltime_to_posixtime/1', (_p, t) => {
    const dt = parts(t);
    checkValid(dt, POSIX_MIN_YEAR);
    return normInt(toPosix(dt));
  }],
  ['posixtime_to_universaltime/1', (_p, t) => fromPosix(posixArg(t))],
];
