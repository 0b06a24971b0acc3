/**
 * os's NIFs: the environment as erl handles it (a put/get/unset sequence on
 * fresh names, compared with erl, including the badarg cases), per-runtime
 * isolation, and the clocks (shapes, units, agreement with erl's clock).
 */
import { describe, expect, it } from 'vitest';
import { osBifs } from '../../runtime/bifs/os.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { binaryToTerm } from '../../runtime/terms/etf.js';
import { formatW } from '../../runtime/terms/print.js';
import { charlist, list, binary, type Term } from '../../runtime/terms/types.js';
import { toErlSource } from '../support/erl-source.js';
import { erl } from '../support/erl.js';
import { erlOutcomes } from './harness.js';

const bif = (k: string) => osBifs.get(k)!;
const s = charlist;

type Op = [string, Term[]];
const OPS: Op[] = [
  ['getenv', [s('BEAMJS_OS_T1')]], ['putenv', [s('BEAMJS_OS_T1'), s('v\u00e9\u03b1')]], ['getenv', [s('BEAMJS_OS_T1')]],
  ['putenv', [list([s('BEAMJS_'), list([s('OS_T2')])]), list([97, list([98])])]], ['getenv', [s('BEAMJS_OS_T2')]],
  ['putenv', [s('BEAMJS_OS_T3'), s('')]], ['getenv', [s('BEAMJS_OS_T3')]],
  ['unsetenv', [s('BEAMJS_OS_T1')]], ['getenv', [s('BEAMJS_OS_T1')]], ['unsetenv', [s('BEAMJS_OS_T1')]],
  ['unsetenv', [s('BEAMJS_OS_T2')]], ['unsetenv', [s('BEAMJS_OS_T3')]],
  ['getenv', ['a']], ['getenv', [s('')]], ['getenv', [s('A=B')]], ['getenv', [s('A\0B')]],
  ['getenv', [binary(new TextEncoder().encode('PATH'))]], ['putenv', [s('A=B'), s('x')]], ['putenv', [s(''), s('x')]],
  ['putenv', [s('BEAMJS_OS_T4'), s('a\0b')]], ['putenv', [s('BEAMJS_OS_T4'), 'x']], ['unsetenv', [s('')]],
  ['unsetenv', [s('A=B')]], ['set_signal', ['sigusr1', 'ignore']], ['set_signal', ['foo', 'ignore']],
  ['set_signal', ['sigterm', 'bogus']], ['system_time', ['bogus']], ['getenv', [list([-1])]],
];

function ours(p: unknown, [f, args]: Op): string {
  try {
    return formatW(['ok', bif(`${f}/${args.length}`)(p, ...args)]);
  } catch (e) {
    if (e instanceof ErlangError) return formatW([e.cls, e.reason]);
    throw e;
  }
}

describe('os against erl', () => {
  it(`an environment sequence of ${OPS.length} calls`, async () => {
    const calls = OPS.map(([f, a]) => `os:${f}(${a.map(toErlSource).join(', ')})`);
    const want = await erlOutcomes(calls);
    const p = { rt: {} };
    const bad = OPS.map((op, i) => [calls[i], ours(p, op), want[i]]).filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
  });

  it('the environment is per runtime and starts from process.env', () => {
    const a = { rt: {} };
    const b = { rt: {} };
    bif('putenv/2')(a, s('BEAMJS_ONLY_A'), s('1'));
    expect(bif('getenv/1')(b, s('BEAMJS_ONLY_A'))).toBe('false');
    expect(formatW(bif('getenv/1')(a, s('BEAMJS_ONLY_A')))).toBe('[49]');
    expect(process.env.BEAMJS_ONLY_A).toBeUndefined();
    expect(formatW(bif('getenv/1')(b, s('PATH')))).toBe(formatW(s(process.env.PATH!)));
    const pairs = formatW(bif('env/0')(a));
    expect(pairs).toContain(formatW([s('BEAMJS_ONLY_A'), s('1')]));
  });

  it('clocks: units, timestamp shape, and agreement with erl within seconds', async () => {
    const erlNow = binaryToTerm(await erl.eval('os:system_time(second)')) as number;
    const p = { rt: {} };
    const ours1 = bif('system_time/1')(p, 'second') as number;
    expect(Math.abs(ours1 - erlNow)).toBeLessThan(5);
    const ms = bif('system_time/1')(p, 'millisecond') as number;
    expect(Math.abs(ms / 1000 - ours1)).toBeLessThan(2);
    const [mega, sec, micro] = bif('timestamp/0')(p) as number[];
    expect(Math.abs(mega! * 1e6 + sec! - ours1)).toBeLessThan(2);
    expect(micro).toBeLessThan(1e6);
    const t0 = bif('perf_counter/0')(p) as number;
    const t1 = bif('perf_counter/0')(p) as number;
    expect(t1).toBeGreaterThanOrEqual(t0);
    expect(formatW(bif('getpid/0')(p))).toBe(formatW(s(String(process.pid))));
  });
});
