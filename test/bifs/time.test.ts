/**
 * Calendar-time BIFs: the conversions against erl (same machine, same zone),
 * and the clock readers for shape and mutual consistency.
 */
import { describe, expect, it } from 'vitest';
import { erlangBifs } from '../../runtime/bifs/erlang.js';
import { ErlFloat, type Term } from '../../runtime/terms/types.js';
import { compareTable, fakeProcess } from './harness.js';

const call = (name: string, ...args: Term[]): Term => erlangBifs.get(`${name}/${args.length}`)!(fakeProcess(), ...args);
const dt = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Term => [[y, mo, d], [h, mi, s]];

const DATES: Term[] = [
  dt(1970, 1, 1), dt(1960, 1, 1), dt(0, 1, 1), dt(-1, 1, 1), dt(1599, 12, 31, 23, 59, 59), dt(1600, 1, 1), dt(1601, 1, 1),
  dt(1901, 12, 31), dt(1902, 1, 1), dt(2000, 2, 29), dt(1900, 2, 29), dt(2024, 2, 29, 12, 30, 45), dt(2023, 2, 29),
  dt(2024, 2, 30), dt(2024, 13, 1), dt(2024, 0, 1), dt(2024, 1, 0), dt(2024, 1, 1, 24), dt(2024, 1, 1, 23, 59, 60),
  dt(2024, 1, 1, 0, 60), dt(2024, 1, 1, -1), dt(2024, 4, 31), dt(2024, 6, 30, 2, 30), dt(2024, 3, 31, 2, 30),
  dt(2024, 10, 27, 2, 30), dt(10000, 1, 1), dt(2147483646, 12, 31, 23, 59, 59), dt(2147483647, 1, 1),
  [[2024, 1, 1], [0, 0, 0], 'x'], [[2024, 1, 1], [0, 0]], [[2024, 1, new ErlFloat(1)], [0, 0, 0]],
  [[2n ** 64n, 1, 1], [0, 0, 0]], 'x',
];

describe('time conversions against erl', () => {
  it(`universaltime_to_posixtime/1 over ${DATES.length} datetimes`, async () => {
    expect(await compareTable('erlang', 'universaltime_to_posixtime', erlangBifs, DATES.map((d) => [d]))).toEqual([]);
  });

  it('posixtime_to_universaltime/1, including negative years', async () => {
    const secs: Term[] = [
      0, -1, 1, 86399, 86400, 951782400, 2 ** 31, 2 ** 40, -(2 ** 40), 2n ** 62n, -(2n ** 62n), 2n ** 63n - 1n,
      2n ** 63n, 2n ** 70n, -62167219200, -62167219201, -62135596800, -11676096000, new ErlFloat(1), 'x',
    ];
    expect(await compareTable('erlang', 'posixtime_to_universaltime', erlangBifs, secs.map((s) => [s]))).toEqual([]);
  });

  it('local/universal conversions in this machine\'s zone', async () => {
    const local = DATES.filter((_, i) => i !== DATES.length - 6); // year 2147483646: beyond JS Dates' zone data
    expect(await compareTable('erlang', 'universaltime_to_localtime', erlangBifs, local.map((d) => [d]))).toEqual([]);
    expect(await compareTable('erlang', 'localtime_to_universaltime', erlangBifs, local.map((d) => [d]))).toEqual([]);
    const flags: Term[] = ['true', 'false', 'undefined', 'x'];
    const rows = flags.flatMap((fl) => [dt(2024, 1, 15, 10), dt(1960, 7, 1), dt(1800, 1, 1)].map((d) => [d, fl]));
    expect(await compareTable('erlang', 'localtime_to_universaltime', erlangBifs, rows)).toEqual([]);
  });
});

describe('clock readers', () => {
  const isDateTime = (t: Term): boolean =>
    Array.isArray(t) && t.length === 2 && t.every((p) => Array.isArray(p) && p.length === 3 && p.every((x) => typeof x === 'number'));

  it('universaltime/0 and localtime/0 agree with each other and with the posix clock', () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const u = call('universaltime');
      const l = call('localtime');
      expect(isDateTime(u) && isDateTime(l)).toBe(true);
      const secs = call('universaltime_to_posixtime', u) as number;
      expect(Math.abs(secs - Date.now() / 1000)).toBeLessThan(60);
      // The two reads can straddle a second: retry until they come from the same one.
      if (JSON.stringify(call('universaltime_to_localtime', u)) === JSON.stringify(l)) return;
    }
    expect.unreachable('localtime/0 never matched universaltime_to_localtime(universaltime())');
  });

  it('date/0 and time/0 are the parts of localtime/0', () => {
    const [d, t] = call('localtime') as Term[][];
    expect((call('date') as number[])[0]).toBe(d![0]);
    expect(call('time')).toHaveLength(3);
    expect(t).toHaveLength(3);
  });

  it('now/0 is {Mega, Secs, Micro} and never repeats', () => {
    const [mega, s, us] = call('now') as number[];
    expect(Math.abs(mega! * 1e6 + s! + us! / 1e6 - Date.now() / 1000)).toBeLessThan(60);
    expect(s).toBeLessThan(1e6);
    expect(us).toBeLessThan(1e6);
    const stamps = Array.from({ length: 1000 }, () => call('now') as number[]);
    const asNum = stamps.map(([a, b, c]) => a! * 1e12 + b! * 1e6 + c!);
    for (let i = 1; i < asNum.length; i++) expect(asNum[i]).toBeGreaterThan(asNum[i - 1]!);
  });
});
