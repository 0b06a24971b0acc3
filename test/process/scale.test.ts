/**
 * Many processes: 100,000 spawn, exchange messages and exit; a ring passing a
 * token. The worker code is hand-written to the protocol as compiled code
 * would be (entry reduction check, receive via peekMsg/removeMsg/waitMsg).
 */
import { describe, expect, it } from 'vitest';
import { Frame, SUSPEND, type ErlFn, type Result } from '../../runtime/process/protocol.js';
import type { Process } from '../../runtime/process/process.js';
import { Pid, list as listOf, type Term } from '../../runtime/terms/types.js';
import { bif, fun, recv, script, testRuntime } from './harness.js';

function bifOf(p: Process, name: string, arity: number): ErlFn {
  return p.rt.modules.lookup('erlang', name, arity)!;
}

// worker() -> receive {From, X} -> From ! {self(), X * 2} end.
function worker(p: Process): Result {
  if (--p.reds <= 0) {
    p.save(new Frame((q) => worker(q), 0, []));
    return SUSPEND;
  }
  return workerLoop(p);
}
function workerLoop(p: Process): Result {
  for (;;) {
    const m = p.peekMsg();
    if (m === undefined) {
      p.save(new Frame((q) => workerLoop(q), 1, []));
      return p.waitMsg();
    }
    if (Array.isArray(m) && m.length === 2 && m[0] instanceof Pid) {
      p.removeMsg();
      bifOf(p, 'send', 2)(p, m[0], [p.pid, (m[1] as number) * 2]);
      return 'ok';
    }
    p.nextMsg();
  }
}

// ring(Next) -> receive 0 -> Next ! 0; N -> Next ! N - 1, ring(Next) end.
function ring(p: Process, next: Pid): Result {
  for (;;) {
    if (--p.reds <= 0) {
      p.save(new Frame((q, f) => ring(q, f.y[0]), 0, [next]));
      return SUSPEND;
    }
    const m = p.peekMsg();
    if (m === undefined) {
      p.save(new Frame((q, f) => ring(q, f.y[0]), 0, [next]));
      return p.waitMsg();
    }
    p.removeMsg();
    const n = m as number;
    bifOf(p, 'send', 2)(p, next, n === 0 ? 0 : n - 1);
    if (n === 0) return 'done';
  }
}

describe('scale', () => {
  it('100,000 processes spawn, exchange messages and exit', async () => {
    const { rt } = testRuntime();
    const N = 100_000;
    let sum = 0;
    let spawned = 0;
    const w = fun(worker);
    rt.spawn(script(function* (p) {
      const pids: Term[] = [];
      for (let i = 0; i < N; i++) pids.push(yield bif('spawn/1', w));
      spawned = rt.procs.size;
      for (let i = 0; i < N; i++) yield bif('send/2', pids[i]!, [p.pid, i]);
      for (let i = 0; i < N; i++) {
        const [, v] = (yield recv()) as [Pid, number];
        sum += v;
      }
    }));
    await rt.run();
    expect(spawned).toBe(N + 1);
    expect(sum).toBe(N * (N - 1));
    expect(rt.procs.size).toBe(0);
  });

  it('passes a token 200,000 times around a ring of 10,000 processes', async () => {
    const { rt } = testRuntime();
    const N = 10_000;
    const HOPS = 200_000;
    let finished = 0;
    rt.spawn(script(function* (p) {
      // Build the ring backwards: each process forwards to the one spawned before it.
      let next: Term = p.pid;
      for (let i = 0; i < N; i++) next = yield bif('spawn/3', 'ringmod', 'ring', listOf([next]));
      yield bif('send/2', next, HOPS);
      // The token comes back to us whenever it passes; forward until it hits 0.
      for (;;) {
        const n = (yield recv()) as number;
        yield bif('send/2', next, n === 0 ? 0 : n - 1);
        if (n === 0) break;
      }
      finished = 1;
    }));
    rt.modules.registerModule('ringmod', { 'ring/1': ring });
    await rt.run();
    expect(finished).toBe(1);
    // The 0 went all the way round: every ring process forwarded it and stopped.
    expect(rt.procs.size).toBe(0);
  });
});
