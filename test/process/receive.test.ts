/**
 * Mailbox, selective receive, receive timeouts and timers
 * (send_after / start_timer / cancel_timer / read_timer).
 */
import { describe, expect, it } from 'vitest';
import { ErlangError } from '../../runtime/process/protocol.js';
import { Process } from '../../runtime/process/process.js';
import { Ref, list, type Term } from '../../runtime/terms/types.js';
import { bif, procFun, recv, script, testRuntime, TIMEOUT } from './harness.js';

const tagged = (tag: Term) => (m: Term) => (Array.isArray(m) && m[0] === tag ? m[1] : undefined);

describe('mailbox operations', () => {
  const { rt } = testRuntime();
  const mk = (): Process => rt.processOf(rt.spawn(() => 'ok'))!;

  it('scans with a save pointer and removes from the middle', () => {
    const p = mk();
    for (const m of ['a', 'b', 'c', 'd']) p.enqueue(m);
    expect(p.peekMsg()).toBe('a');
    p.nextMsg();
    p.nextMsg();
    expect(p.peekMsg()).toBe('c');
    expect(p.removeMsg()).toBe('c');
    // remove_message resets the save pointer to the head.
    expect(p.peekMsg()).toBe('a');
    expect(p.messages()).toEqual(['a', 'b', 'd']);
    p.nextMsg();
    p.nextMsg();
    expect(p.removeMsg()).toBe('d'); // the last one: the tail moves back
    p.enqueue('e');
    expect(p.messages()).toEqual(['a', 'b', 'e']);
    expect(p.queueLength).toBe(3);
    p.nextMsg();
    p.nextMsg();
    p.nextMsg();
    expect(p.peekMsg()).toBeUndefined();
    p.timeoutMsg();
    expect(p.peekMsg()).toBe('a');
  });

  it('rejects bad timeout values with timeout_value', () => {
    const p = mk();
    for (const t of [-1, 1.5, 'foo', 2 ** 32, 2n ** 70n, list([1])] as Term[]) {
      expect(() => p.waitTimeout(t)).toThrow(ErlangError);
      try {
        p.waitTimeout(t);
      } catch (e) {
        expect((e as ErlangError).reason).toBe('timeout_value');
      }
    }
    expect(p.waitTimeout(0)).toBe(true);
  });

  it('skips messages queued before a receive marker', () => {
    const p = mk();
    for (let i = 0; i < 1000; i++) p.enqueue(['old', i]);
    const marker = p.recvMarkerReserve();
    const ref = rt.refs.make();
    p.recvMarkerBind(marker, ref);
    p.enqueue(['reply', ref]);
    p.recvMarkerUse(ref);
    expect(p.peekMsg()).toEqual(['reply', ref]);
    p.removeMsg();
    p.recvMarkerClear(ref);
    expect(p.peekMsg()).toEqual(['old', 0]);
    // A marker whose message was taken meanwhile falls back to the head.
    const m2 = p.recvMarkerReserve();
    const ref2 = rt.refs.make();
    p.recvMarkerBind(m2, ref2);
    while (p.peekMsg() !== undefined) p.removeMsg();
    p.enqueue('new');
    p.recvMarkerUse(ref2);
    expect(p.peekMsg()).toBe('new');
  });
});

describe('selective receive', () => {
  it('picks matching messages out of a long queue in order', async () => {
    const { rt } = testRuntime();
    const N = 50_000;
    let got: Term[] = [];
    rt.spawn(script(function* (p) {
      for (let i = 0; i < N; i++) yield bif('send/2', p.pid, ['a', i]);
      yield bif('send/2', p.pid, ['b', 'last']);
      // The only b is at the very end; then every a comes out from the head.
      got.push(yield recv(tagged('b')));
      let sum = 0;
      for (let i = 0; i < N; i++) sum += (yield recv(tagged('a'))) as number;
      got.push(sum, p.queueLength);
    }));
    await rt.run();
    expect(got).toEqual(['last', (N * (N - 1)) / 2, 0]);
  });

  it('receives odd-numbered messages first, leaving the rest queued', async () => {
    const { rt } = testRuntime();
    let odd: Term[] = [];
    let rest: Term[] = [];
    rt.spawn(script(function* (p) {
      for (let i = 0; i < 10; i++) yield bif('send/2', p.pid, i);
      for (let k = 0; k < 5; k++) odd.push(yield recv((m) => ((m as number) % 2 === 1 ? m : undefined)));
      rest = p.messages();
    }));
    await rt.run();
    expect(odd).toEqual([1, 3, 5, 7, 9]);
    expect(rest).toEqual([0, 2, 4, 6, 8]);
  });
});

describe('receive timeouts', () => {
  it('after 0 falls through at once; after N waits; a message beats the timer', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* (p) {
      got.push((yield recv(() => undefined, 0)) === TIMEOUT ? 'timeout0' : 'msg');
      const t0 = performance.now();
      got.push((yield recv(() => undefined, 30)) === TIMEOUT ? 'timeout30' : 'msg');
      got.push(performance.now() - t0 >= 29 ? 'waited' : 'early');
      yield bif('spawn/1', procFun(function* () {
        yield bif('send/2', p.pid, 'hello');
      }));
      got.push(yield recv((m) => m, 5000));
      // The 5000 ms timer was cancelled by remove_message: nothing keeps run() alive.
      got.push(p.recvTimer === undefined && rt.timers.size === 0 ? 'disarmed' : 'armed');
    }));
    await rt.run();
    expect(got).toEqual(['timeout0', 'timeout30', 'waited', 'hello', 'disarmed']);
  });

  it('keeps the timer across non-matching messages', async () => {
    const { rt } = testRuntime();
    let result: Term | undefined;
    let skipped = 0;
    rt.spawn(script(function* (p) {
      const me = p.pid;
      yield bif('spawn/1', procFun(function* () {
        for (let i = 0; i < 5; i++) {
          yield bif('send/2', me, ['noise', i]);
          yield recv(() => undefined, 5);
        }
      }));
      result = yield recv(() => undefined, 60);
      skipped = p.queueLength;
    }));
    await rt.run();
    expect(result).toBe(TIMEOUT);
    expect(skipped).toBe(5);
  });

  it('after infinity waits for a message', async () => {
    const { rt } = testRuntime();
    let got: Term | undefined;
    const pid = rt.spawn(script(function* () {
      got = yield recv((m) => m, 'infinity');
    }));
    await rt.run();
    expect(got).toBeUndefined();
    rt.send(pid, 'late');
    await rt.run();
    expect(got).toBe('late');
  });
});

describe('timers', () => {
  it('send_after delivers in expiry order, then creation order', async () => {
    const { rt } = testRuntime();
    let got: Term[] = [];
    rt.spawn(script(function* (p) {
      yield bif('send_after/3', 30, p.pid, 'c');
      yield bif('send_after/3', 10, p.pid, 'a');
      yield bif('send_after/3', 20, p.pid, 'b1');
      yield bif('send_after/3', 20, p.pid, 'b2');
      yield bif('send_after/3', 0, p.pid, 'zero');
      for (let i = 0; i < 5; i++) got.push(yield recv());
    }));
    await rt.run();
    expect(got).toEqual(['zero', 'a', 'b1', 'b2', 'c']);
  });

  it('start_timer sends {timeout, Ref, Msg}; send_after to a name resolves at expiry', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* (p) {
      const ref = yield bif('start_timer/3', 5, p.pid, 'tick');
      const m = (yield recv()) as Term[];
      got.push(m[0]!, m[1] === ref, m[2]!);
      yield bif('send_after/3', 5, 'later_name', 'named');
      yield bif('register/2', 'later_name', p.pid);
      got.push(yield recv());
    }));
    await rt.run();
    expect(got).toEqual(['timeout', true, 'tick', 'named']);
  });

  it('cancel_timer and read_timer return the time left, then false', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* (p) {
      const ref = yield bif('send_after/3', 1000, p.pid, 'never');
      const left = (yield bif('read_timer/1', ref)) as number;
      got.push(left > 900 && left <= 1000);
      const c = (yield bif('cancel_timer/1', ref)) as number;
      got.push(c > 900 && c <= 1000);
      got.push(yield bif('cancel_timer/1', ref));
      got.push(yield bif('read_timer/1', ref));
      const r2 = yield bif('send_after/3', 1000, p.pid, 'never');
      got.push(yield bif('cancel_timer/2', r2, list([['async', 'true'], ['info', 'true']])));
      const m = (yield recv()) as Term[];
      got.push(m[0]!, m[1] === r2, typeof m[2]);
      const r3 = yield bif('send_after/3', 1000, p.pid, 'never');
      got.push(yield bif('cancel_timer/2', r3, list([['info', 'false']])));
      got.push(rt.timers.size); // every cancelled timer left the timer heap
      got.push(yield recv((x) => x, 50));
    }));
    await rt.run();
    expect(got).toEqual([true, true, 'false', 'false', 'ok', 'cancel_timer', true, 'number', 'ok', 0, TIMEOUT]);
  });

  it('timers to a dead pid are created cancelled; a dying destination cancels its timers', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* () {
      const dead = yield bif('spawn/1', procFun(function* () {}));
      while ((yield bif('is_process_alive/1', dead)) === 'true') yield bif('yield/0');
      const r = yield bif('send_after/3', 1000, dead, 'x');
      got.push(r instanceof Ref, yield bif('read_timer/1', r));
      const live = yield bif('spawn/1', procFun(function* () {
        yield recv(() => undefined, 10);
      }));
      const r2 = yield bif('send_after/3', 5000, live, 'y');
      yield recv(() => undefined, 30);
      got.push(yield bif('read_timer/1', r2), rt.timers.size);
    }));
    await rt.run();
    expect(got).toEqual([true, 'false', 'false', 0]);
  });

  it('rejects bad timer arguments with badarg', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* (p) {
      const cases: [string, Term[]][] = [
        ['send_after/3', [-1, p.pid, 'x']],
        ['send_after/3', [1.5 as unknown as Term, p.pid, 'x']],
        ['send_after/3', [10, 1, 'x']],
        ['send_after/3', [10, ['a', 'nonode@nohost'], 'x']],
        ['send_after/4', [10, p.pid, 'x', list(['bad'])]],
        ['cancel_timer/1', ['foo']],
        ['read_timer/2', [rt.refs.make(), list([['info', 'true']])]],
      ];
      for (const [name, args] of cases) {
        try {
          yield bif(name, ...args);
          got.push('ok');
        } catch (e) {
          got.push((e as ErlangError).reason);
        }
      }
    }));
    await rt.run();
    expect(got).toEqual(Array(7).fill('badarg'));
  });
});
