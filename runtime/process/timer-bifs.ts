/**
 * Timer and time BIFs of `erlang`: send_after/3,4, start_timer/3,4,
 * cancel_timer/1,2, read_timer/1,2, monotonic_time/0,1, system_time/0,1,
 * time_offset/0,1, timestamp/0, unique_integer/0,1.
 *
 * BEAM's checks (OTP 25): Time is a non-negative integer (any size) unless
 * `{abs, true}` makes it an absolute monotonic time in milliseconds; Dest is a
 * local pid or an atom (a name is resolved when the timer fires; a dead pid
 * gives a ref whose timer is already cancelled). cancel_timer/read_timer take
 * a reference (else badarg) and return the milliseconds left or `false`; with
 * `{async, true}` they return `ok` and, unless `{info, false}`, send
 * `{cancel_timer | read_timer, Ref, Result}` to the caller.
 */
import type { ErlFn } from './protocol.js';
import { badarg } from './errors.js';
import { properList } from './modules.js';
import type { Process } from './process.js';
import { deliver } from './signals.js';
import { fromNanos, monotonicNanos, nowMs, systemNanos, timeUnitPartsPerSecond } from './time.js';
import { NIL, Pid, Ref, type Term } from '../terms/types.js';
import { refKey } from './refs.js';

type P = Process;

/** Read `[{Key, Bool}]` options; badarg for other shapes or keys. */
function boolOpts(opts: Term, keys: readonly string[]): Map<string, boolean> {
  const items = properList(opts) ?? badarg();
  const out = new Map<string, boolean>();
  for (const o of items) {
    if (!Array.isArray(o) || o.length !== 2 || !keys.includes(o[0] as string)) return badarg();
    if (o[1] !== 'true' && o[1] !== 'false') return badarg();
    out.set(o[0] as string, o[1] === 'true');
  }
  return out;
}

const isInt = (t: Term): t is number | bigint =>
  typeof t === 'bigint' || (typeof t === 'number' && Number.isInteger(t));

function startTimer(p: P, kind: 'send' | 'timeout', time: Term, dest: Term, msg: Term, opts: Term): Term {
  const abs = boolOpts(opts, ['abs']).get('abs') ?? false;
  if (!isInt(time) || (!abs && time < 0)) return badarg();
  if (dest instanceof Pid) {
    if (dest.node !== p.rt.node) return badarg();
  } else if (typeof dest !== 'string') return badarg();
  const at = abs ? Number(time) : nowMs() + Number(time);
  return p.rt.startTimer(kind, at, dest, msg);
}

/** cancel_timer and read_timer: the common option handling. */
function timerQuery(p: P, ref: Term, opts: Term, cancel: boolean): Term {
  if (!(ref instanceof Ref)) return badarg();
  const o = boolOpts(opts, cancel ? ['async', 'info'] : ['async']);
  const left = p.rt.timerLeft(ref);
  if (cancel && left !== undefined) p.rt.cancelTimer(p.rt.timerRefs.get(refKey(ref))!);
  const result: Term = left ?? 'false';
  const info = o.get('info') ?? true;
  if (o.get('async') === true) {
    if (info) deliver(p.rt, p, [cancel ? 'cancel_timer' : 'read_timer', ref, result]);
    return 'ok';
  }
  return info ? result : 'ok';
}

function unit(t: Term): number {
  return timeUnitPartsPerSecond(t) ?? badarg();
}

function uniqueInteger(p: P, opts: Term): Term {
  const items = properList(opts);
  if (items === undefined || !items.every((o) => o === 'positive' || o === 'monotonic')) return badarg();
  return p.rt.uniq.next();
}

function timestamp(): Term {
  const us = systemNanos() / 1000n;
  const s = us / 1_000_000n;
  return [Number(s / 1_000_000n), Number(s % 1_000_000n), Number(us % 1_000_000n)];
}

export const timerBifs: [string, ErlFn][] = [
  ['send_after/3', (p: P, t: Term, d: Term, m: Term) => startTimer(p, 'send', t, d, m, NIL)],
  ['send_after/4', (p: P, t: Term, d: Term, m: Term, o: Term) => startTimer(p, 'send', t, d, m, o)],
  ['start_timer/3', (p: P, t: Term, d: Term, m: Term) => startTimer(p, 'timeout', t, d, m, NIL)],
  ['start_timer/4', (p: P, t: Term, d: Term, m: Term, o: Term) => startTimer(p, 'timeout', t, d, m, o)],
  ['cancel_timer/1', (p: P, r: Term) => timerQuery(p, r, NIL, true)],
  ['cancel_timer/2', (p: P, r: Term, o: Term) => timerQuery(p, r, o, true)],
  ['read_timer/1', (p: P, r: Term) => timerQuery(p, r, NIL, false)],
  ['read_timer/2', (p: P, r: Term, o: Term) => timerQuery(p, r, o, false)],
  ['monotonic_time/0', () => fromNanos(monotonicNanos(), 1_000_000_000)],
  ['monotonic_time/1', (_p: P, u: Term) => fromNanos(monotonicNanos(), unit(u))],
  ['system_time/0', () => fromNanos(systemNanos(), 1_000_000_000)],
  ['system_time/1', (_p: P, u: Term) => fromNanos(systemNanos(), unit(u))],
  ['time_offset/0', () => fromNanos(systemNanos() - monotonicNanos(), 1_000_000_000)],
  ['time_offset/1', (_p: P, u: Term) => fromNanos(systemNanos() - monotonicNanos(), unit(u))],
  ['timestamp/0', timestamp],
  ['unique_integer/0', (p: P) => p.rt.uniq.next()],
  ['unique_integer/1', uniqueInteger],
];
