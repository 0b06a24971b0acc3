/**
 * The scheduler with hand-written functions that follow the protocol exactly
 * as compiled code does: deep body recursion through saved frames, mutual tail
 * recursion through TAIL, fairness, exceptions and exit reasons.
 */
import { describe, expect, it } from 'vitest';
import { ErlangError, Frame, SUSPEND, TAIL, type Result } from '../../runtime/process/protocol.js';
import type { Process } from '../../runtime/process/process.js';
import { CONTEXT_REDS } from '../../runtime/process/types.js';
import { NIL, list, utf8Binary, type Term } from '../../runtime/terms/types.js';
import { exactEquals } from '../../runtime/terms/compare.js';
import { bif, call, procFun, script, testRuntime, watchExit } from './harness.js';

// sum(0) -> 0; sum(N) -> N + sum(N - 1).   (body recursion)
function sum(p: Process, n: number): Result {
  if (--p.reds <= 0) {
    p.save(new Frame(sumResume, 0, [n]));
    return SUSPEND;
  }
  if (n === 0) return 0;
  let r = sum(p, n - 1);
  if (r === TAIL) r = p.runTail();
  if (r === SUSPEND) {
    p.save(new Frame(sumResume, 1, [n]));
    return SUSPEND;
  }
  return n + (r as number);
}
let deepest = 0;
function sumResume(p: Process, f: Frame, v: Term | undefined): Result {
  if (p.stack.length > deepest) deepest = p.stack.length;
  if (f.label === 0) return sum(p, f.y[0]);
  return f.y[0] + (v as number);
}

// even(0) -> true; even(N) -> odd(N - 1).  odd(0) -> false; odd(N) -> even(N - 1).
let maxStack = 0;
function even(p: Process, n: number): Result {
  if (--p.reds <= 0) {
    p.save(new Frame((q, f) => even(q, f.y[0]), 0, [n]));
    return SUSPEND;
  }
  if (p.stack.length > maxStack) maxStack = p.stack.length;
  if (n === 0) return 'true';
  p.tailFn = odd;
  p.tailArgs = [n - 1];
  return TAIL;
}
function odd(p: Process, n: number): Result {
  if (--p.reds <= 0) {
    p.save(new Frame((q, f) => odd(q, f.y[0]), 0, [n]));
    return SUSPEND;
  }
  if (n === 0) return 'false';
  p.tailFn = even;
  p.tailArgs = [n - 1];
  return TAIL;
}

// loop() -> loop().   (never returns, never receives)
function spin(p: Process): Result {
  for (;;) {
    if (--p.reds <= 0) {
      p.save(new Frame((q) => spin(q), 0, []));
      return SUSPEND;
    }
  }
}

// count(0) -> done; count(N) -> count(N - 1).   (self tail call = loop)
function count(p: Process, n: number): Result {
  for (;;) {
    if (--p.reds <= 0) {
      p.save(new Frame((q, f) => count(q, f.y[0]), 0, [n]));
      return SUSPEND;
    }
    if (n === 0) return 'done';
    n--;
  }
}

describe('scheduler', () => {
  it('runs body recursion 1,000,000 deep through saved frames', async () => {
    const { rt } = testRuntime();
    let result: Term | undefined;
    deepest = 0;
    const top = (p: Process): Result => {
      const r = sum(p, 1_000_000);
      if (r === SUSPEND) {
        p.save(new Frame((_q, _f, v) => (result = v as Term), 0, []));
        return SUSPEND;
      }
      return (result = r as Term);
    };
    const exit = watchExit(rt, rt.spawn(top));
    await rt.run();
    expect(result).toBe(500000500000);
    expect(exit.reason).toBe('normal');
    // The activations really were on the heap: nearly a million frames at the deepest point.
    expect(deepest).toBeGreaterThan(990_000);
  });

  it('runs 10,000,000 iterations of mutual tail recursion in constant stack', async () => {
    const { rt } = testRuntime();
    maxStack = 0;
    let result: Term | undefined;
    rt.spawn(script(function* () {
      result = yield call(even, 10_000_001);
    }));
    await rt.run();
    expect(result).toBe('false');
    // Only the caller's frame (and one entry frame) ever sits on the heap stack.
    expect(maxStack).toBeLessThanOrEqual(2);
  });

  it('lets 1,000 processes finish while one loops forever', async () => {
    const { rt } = testRuntime();
    const looper = rt.spawn(spin);
    let finished = 0;
    let killed: Term | undefined;
    for (let i = 0; i < 1000; i++) {
      rt.spawn(script(function* () {
        yield call(count, 20_000);
        finished++;
      }));
    }
    rt.spawn(script(function* (p) {
      // Wait until the others are done, then stop the looping process.
      while (finished < 1000) yield bif('yield/0');
      const ref = yield bif('monitor/2', 'process', looper);
      yield bif('exit/2', looper, 'kill');
      killed = yield { kind: 'recv', match: (m: Term) => (Array.isArray(m) && m[1] === ref ? m[4] : undefined), timeout: undefined };
      void p;
    }));
    await rt.run();
    expect(finished).toBe(1000);
    expect(killed).toBe('killed');
    expect(rt.processes()).toEqual([]);
  });

  it('gives each slice a budget of CONTEXT_REDS reductions', async () => {
    const { rt } = testRuntime();
    const budgets: number[] = [];
    rt.spawn(script(function* (p) {
      budgets.push(p.reds);
      yield bif('yield/0');
      budgets.push(p.reds);
    }));
    await rt.run();
    // Entry costs one; after yield/0 a fresh slice starts, and handing the
    // BIF's return value back to the suspended caller costs one.
    expect(budgets).toEqual([CONTEXT_REDS - 1, CONTEXT_REDS - 1]);
  });

  it('interleaves runnable processes round robin', async () => {
    const { rt } = testRuntime();
    const trace: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      rt.spawn(script(function* () {
        for (let i = 0; i < 3; i++) {
          trace.push(`${name}${i}`);
          yield bif('yield/0');
        }
      }));
    }
    await rt.run();
    expect(trace.join(' ')).toBe('a0 b0 c0 a1 b1 c1 a2 b2 c2');
  });
});

describe('exceptions and exit reasons', () => {
  const stack = [['m', 'f', 1, NIL]];

  it('uses BEAM exit reasons for each class', async () => {
    const { rt, err } = testRuntime();
    const raiser = (cls: 'error' | 'exit' | 'throw') => (_p: Process): Result => {
      throw new ErlangError(cls, 'oops', stack);
    };
    const e = watchExit(rt, rt.spawn(raiser('error')));
    const x = watchExit(rt, rt.spawn(raiser('exit')));
    const t = watchExit(rt, rt.spawn(raiser('throw')));
    await rt.run();
    expect(exactEquals(e.reason!, ['oops', list(stack)])).toBe(true);
    expect(x.reason).toBe('oops');
    expect(exactEquals(t.reason!, [['nocatch', 'oops'], list(stack)])).toBe(true);
    // error and throw crashes are reported on stderr, exit is not (as BEAM's emulator does).
    const reports = err.join('');
    expect(reports.match(/Error in process/g)?.length).toBe(2);
    expect(reports).toContain('{{nocatch,oops},[{m,f,1,[]}]}');
  });

  it('delivers an error raised after a resume to the frame with a handler', async () => {
    const { rt } = testRuntime();
    let caught: Term | undefined;
    rt.spawn(script(function* () {
      try {
        yield bif('yield/0'); // suspends: this frame is resumed from the heap
        yield bif('error/1', 'late');
      } catch (e) {
        caught = (e as ErlangError).reason;
      }
    }));
    await rt.run();
    expect(caught).toBe('late');
  });

  it('skips frames without a handler when unwinding on the heap', async () => {
    const { rt } = testRuntime();
    const trace: string[] = [];
    // inner: suspends once, then raises; middle: no handler; outer: catches.
    const inner = script(function* () {
      yield bif('yield/0');
      yield bif('throw/1', 'ball');
    });
    const middle = (p: Process): Result => {
      const r = inner(p);
      if (r === SUSPEND) {
        p.save(new Frame(() => {
          trace.push('middle resumed');
          return 'bad';
        }, 0, [], false));
        return SUSPEND;
      }
      return r;
    };
    rt.spawn(script(function* () {
      try {
        yield call(middle);
      } catch (e) {
        trace.push(`caught ${(e as ErlangError).cls}:${String((e as ErlangError).reason)}`);
      }
    }));
    await rt.run();
    expect(trace).toEqual(['caught throw:ball']);
  });

  it('turns a JS exception into an error exit of that process only', async () => {
    const { rt, err } = testRuntime();
    const bad = watchExit(rt, rt.spawn(() => {
      throw new TypeError('x is not a function');
    }));
    let other: Term | undefined;
    rt.spawn(script(function* () {
      yield bif('yield/0');
      other = 'still running';
    }));
    await rt.run();
    const reason = bad.reason as Term[];
    expect(exactEquals(reason[0]!, ['beamjs_internal_error', utf8Binary('TypeError: x is not a function')])).toBe(true);
    expect(other).toBe('still running');
    expect(err.join('')).toContain('beamjs_internal_error');
  });

  it('resolves run() when every process waits and no timer is pending', async () => {
    const { rt } = testRuntime();
    rt.spawn(script(function* () {
      yield { kind: 'recv', match: () => undefined, timeout: undefined };
    }));
    await rt.run();
    expect(rt.processes().length).toBe(1);
    expect(rt.processOf(rt.processes()[0]!)!.status).toBe('waiting');
  });

  it('runs a JS call to completion with rt.call', async () => {
    const { rt } = testRuntime();
    rt.modules.registerModule('m', { 'double/1': (_p: Process, x: number) => x * 2 });
    await expect(rt.call('m', 'double', [21])).resolves.toBe(42);
    await expect(rt.call('m', 'nope', [])).rejects.toMatchObject({ cls: 'error', reason: 'undef' });
  });

  it('stops on halt/1 with the status', async () => {
    const { rt } = testRuntime();
    let after = false;
    rt.spawn(script(function* () {
      yield bif('halt/1', 3);
      after = true;
    }));
    rt.spawn(spin);
    await expect(rt.run()).resolves.toBe(3);
    expect(after).toBe(false);
  });

  it('procFun helper builds funs that spawn/1 accepts', async () => {
    const { rt } = testRuntime();
    let got: Term | undefined;
    rt.spawn(script(function* () {
      const child = yield bif('spawn/1', procFun(function* () {
        got = 'child ran';
      }));
      expect(child).toBeDefined();
    }));
    await rt.run();
    expect(got).toBe('child ran');
  });
});
