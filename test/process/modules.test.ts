/**
 * Module registry, apply, fun calls (badfun / badarity / undef as BEAM raises
 * them), the module loader hook, and processes waiting on JS promises.
 */
import { describe, expect, it } from 'vitest';
import { ErlangError, TAIL, type Result } from '../../runtime/process/protocol.js';
import { apply, applyTail, callFun, tailCallFun } from '../../runtime/process/modules.js';
import type { Process } from '../../runtime/process/process.js';
import { ExportFun, list, NIL, type Term } from '../../runtime/terms/types.js';
import { formatW } from '../../runtime/terms/print.js';
import { bif, call, fun, recv, script, testRuntime } from './harness.js';

const add = (_p: Process, a: number, b: number): Result => a + b;

function caught(f: () => unknown): string {
  try {
    f();
    return 'no error';
  } catch (e) {
    if (!(e instanceof ErlangError)) throw e;
    return `${e.cls}:${formatW(e.reason)} ${formatW(list(e.stack))}`;
  }
}

describe('module registry', () => {
  it('registers, extends, looks up and lists modules', () => {
    const { rt } = testRuntime();
    const reg = rt.modules;
    reg.registerModule('m', new Map([['add/2', add]]));
    reg.extendModule('m', [['sub/2', (_p: Process, a: number, b: number) => a - b]]);
    expect(reg.lookup('m', 'add', 2)).toBe(add);
    expect(reg.lookup('m', 'add', 3)).toBeUndefined();
    expect(reg.isLoaded('m')).toBe(true);
    expect(reg.exports('m').sort()).toEqual([['add', 2], ['sub', 2]]);
    expect(reg.lookup('erlang', 'self', 0)).toBeDefined();
    reg.registerModule('m', { 'only/0': () => 'x' });
    expect(reg.lookup('m', 'add', 2)).toBeUndefined();
    expect(reg.deleteModule('m')).toBe(true);
    expect(reg.isLoaded('m')).toBe(false);
  });

  it('apply raises undef with BEAM stack entry, badarg for non-atoms', () => {
    const { rt } = testRuntime();
    rt.modules.registerModule('m', { 'add/2': add });
    const p = rt.processOf(rt.spawn(() => 'ok'))!;
    expect(apply(p, 'm', 'add', [1, 2])).toBe(3);
    expect(applyTail(p, 'm', 'add', [1, 2])).toBe(TAIL);
    expect(p.runTail()).toBe(3);
    expect(caught(() => apply(p, 'm', 'nope', [1]))).toBe('error:undef [{m,nope,[1],[]}]');
    expect(caught(() => apply(p, 'nomod', 'f', []))).toBe('error:undef [{nomod,f,[],[]}]');
    expect(caught(() => apply(p, 1, 'f', []))).toBe('error:badarg []');
  });

  it('calls funs: env after args; badfun, badarity and undef like BEAM', () => {
    const { rt } = testRuntime();
    rt.modules.registerModule('m', { 'add/2': add });
    const p = rt.processOf(rt.spawn(() => 'ok'))!;
    const closure = fun((_q: Process, x: number, k: number) => x * k, 1, [7]);
    expect(callFun(p, closure, [6])).toBe(42);
    expect(tailCallFun(p, closure, [2])).toBe(TAIL);
    expect(p.runTail()).toBe(14);
    expect(callFun(p, new ExportFun('m', 'add', 2), [2, 3])).toBe(5);
    expect(caught(() => callFun(p, 'foo', []))).toBe('error:{badfun,foo} []');
    expect(caught(() => callFun(p, new ExportFun('m', 'add', 2), [1]))).toBe(
      'error:{badarity,{fun m:add/2,[1]}} []',
    );
    expect(caught(() => callFun(p, new ExportFun('m', 'nope', 1), [1]))).toBe('error:undef [{m,nope,[1],[]}]');
    const r = caught(() => callFun(p, closure, []));
    expect(r.startsWith('error:{badarity,{#Fun<harness.')).toBe(true);
    expect(r.endsWith(',[]}} []')).toBe(true);
  });
});

describe('waiting on JS', () => {
  it('the module loader suspends only the calling process, then retries', async () => {
    const { rt } = testRuntime();
    const trace: Term[] = [];
    rt.modules.loader = (m) => {
      if (m !== 'lazy') return undefined;
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          rt.modules.registerModule('lazy', { 'hello/1': (_p: Process, x: Term) => ['hello', x] });
          resolve();
        }, 20),
      );
    };
    rt.spawn(script(function* () {
      trace.push(yield bif('apply/3', 'lazy', 'hello', list(['world'])));
      try {
        yield bif('apply/3', 'absent', 'f', NIL);
      } catch (e) {
        trace.push((e as ErlangError).reason);
      }
    }));
    rt.spawn(script(function* () {
      trace.push('other process ran');
    }));
    await rt.run();
    expect(trace).toEqual(['other process ran', ['hello', 'world'], 'undef']);
  });

  it('a promise suspends the process; messages queue meanwhile; rejection raises', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    const sleepy = (p: Process, v: Term): Result =>
      rt.awaitPromise(p, new Promise((r) => setTimeout(() => r(v), 20)));
    const failing = (p: Process): Result =>
      rt.awaitPromise(p, Promise.reject(new ErlangError('error', 'js_failed')));
    const pid = rt.spawn(script(function* (p) {
      got.push(yield call(sleepy, 'resolved'));
      got.push(p.queueLength);
      got.push(yield recv());
      try {
        yield call(failing);
      } catch (e) {
        got.push((e as ErlangError).reason);
      }
    }));
    rt.send(pid, 'queued while waiting');
    await rt.run();
    expect(got).toEqual(['resolved', 1, 'queued while waiting', 'js_failed']);
  });
});
