/**
 * The scheduling properties of issue 3, on compiled Erlang (cg_sched.erl),
 * each compared with BEAM: no starvation by a spinning process, body recursion
 * a million deep, ten million mutual tail calls in constant memory, 100,000
 * processes, per-sender message order, yield and `after 0`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { both, compileErl, otp, stdlib, type Compiled } from './harness.js';

const source = readFileSync(join(import.meta.dirname, 'erl', 'cg_sched.erl'), 'utf8');

describe('scheduling properties on compiled Erlang', () => {
  let c: Compiled;
  let deps: Compiled[];
  beforeAll(async () => {
    c = await compileErl(source);
    deps = [...(await stdlib()), await otp('timer')];
  });

  it('a process looping forever does not stop 1,000 others from finishing', async () => {
    const [ours, theirs] = await both(c, 't_spinner_does_not_starve', deps);
    expect(ours).toBe('{ok,{500500,false}}');
    expect(ours).toBe(theirs);
  });

  it('body recursion 1,000,000 deep completes', async () => {
    const [ours, theirs] = await both(c, 't_body_recursion_1m', deps);
    expect(ours).toBe('{ok,{500000500000,1000000}}');
    expect(ours).toBe(theirs);
  });

  it('10,000,000 iterations of mutual tail recursion run in constant memory', async () => {
    const before = process.memoryUsage().heapUsed;
    const [ours, theirs] = await both(c, 't_mutual_tail_10m', deps);
    const grown = process.memoryUsage().heapUsed - before;
    expect(ours).toBe('{ok,{true,true}}');
    expect(ours).toBe(theirs);
    // A frame kept per iteration would be gigabytes; allow ordinary garbage.
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });

  it('100,000 processes spawn, exchange messages and exit', async () => {
    const [ours, theirs] = await both(c, 't_spawn_100k', deps);
    expect(ours).toBe('{ok,{100000,0}}');
    expect(ours).toBe(theirs);
  });

  it('messages between one pair of processes keep their order', async () => {
    const [ours, theirs] = await both(c, 't_two_senders_order', deps);
    expect(ours).toBe('{ok,{true,true}}');
    expect(ours).toBe(theirs);
  });

  it('erlang:yield/0 and receive after 0', async () => {
    const [ours, theirs] = await both(c, 't_yield_and_after_0', deps);
    expect(ours).toBe('{ok,{timeout,got_hello}}');
    expect(ours).toBe(theirs);
  });
});
