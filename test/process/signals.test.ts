/**
 * Links, monitors, trap_exit, kill, exit/2 rules, aliases and message order,
 * against the behaviour of OTP 25 (the rules are listed in
 * runtime/process/signals.ts and were checked in erl).
 */
import { describe, expect, it } from 'vitest';
import type { ErlangError } from '../../runtime/process/protocol.js';
import { Pid, Ref, list as listOf, type Term } from '../../runtime/terms/types.js';
import { binaryToTerm } from '../../runtime/terms/etf.js';
import { formatW } from '../../runtime/terms/print.js';
import { erl } from '../support/erl.js';
import { arr, bif, procFun, recv, script, testRuntime, TIMEOUT, watchExit, type Op } from './harness.js';

const waitForever = procFun(function* () {
  yield recv(() => undefined);
});

/** Match a DOWN message for `ref`, giving its reason. */
const down = (ref: Term) => (m: Term) =>
  Array.isArray(m) && m.length === 5 && m[0] === 'DOWN' && m[1] === ref ? m[4] : undefined;

/** Match an EXIT message from `pid`, giving its reason. */
const exitFrom = (pid: Term) => (m: Term) =>
  Array.isArray(m) && m[0] === 'EXIT' && m[1] === pid ? m[2] : undefined;

describe('links and exit signals', () => {
  it('kills a non-trapping linked process with the same reason', async () => {
    const { rt } = testRuntime();
    let childReason: Term | undefined;
    const parent = rt.spawn(script(function* () {
      const child = (yield bif('spawn_link/1', waitForever)) as Pid;
      rt.onExit(child, (r) => (childReason = r));
      yield bif('exit/1', 'boom');
    }));
    const e = watchExit(rt, parent);
    await rt.run();
    expect(e.reason).toBe('boom');
    expect(childReason).toBe('boom');
    expect(rt.processes()).toEqual([]);
  });

  it('does not kill a linked process on reason normal', async () => {
    const { rt } = testRuntime();
    let child: Pid | undefined;
    rt.spawn(script(function* () {
      child = (yield bif('spawn_link/1', waitForever)) as Pid;
    }));
    await rt.run();
    expect(rt.isAlive(child!)).toBe(true);
  });

  it('turns exit signals into messages for a trapping process', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* () {
      expect(yield bif('process_flag/2', 'trap_exit', 'true')).toBe('false');
      const a = yield bif('spawn_link/1', procFun(function* () {
        yield bif('exit/1', 'normal');
      }));
      got.push(yield recv(exitFrom(a)));
      const b = yield bif('spawn_link/1', procFun(function* () {
        yield bif('error/1', 'bad');
      }));
      const r = (yield recv(exitFrom(b))) as Term[];
      got.push(r[0]!);
      const c = yield bif('spawn_link/1', procFun(function* () {
        yield bif('exit/1', 'kill'); // through a link, kill is an ordinary reason
      }));
      got.push(yield recv(exitFrom(c)));
    }));
    await rt.run();
    expect(got).toEqual(['normal', 'bad', 'kill']);
  });

  it('kill via exit/2 cannot be trapped and propagates as killed', async () => {
    const { rt } = testRuntime();
    let seen: Term | undefined;
    let victim: Pid | undefined;
    rt.spawn(script(function* () {
      yield bif('process_flag/2', 'trap_exit', 'true');
      victim = (yield bif('spawn_link/1', procFun(function* () {
        yield bif('process_flag/2', 'trap_exit', 'true');
        yield recv(() => undefined);
      }))) as Pid;
      yield bif('exit/2', victim, 'kill');
      seen = yield recv(exitFrom(victim));
    }));
    await rt.run();
    expect(seen).toBe('killed');
  });

  it('cascades a kill chain through 10,000 linked processes', async () => {
    const { rt } = testRuntime();
    const N = 10_000;
    let first: Pid | undefined;
    // Each process spawns the next one linked, until N; then all wait.
    let started = 0;
    const link = (depth: number): Term =>
      procFun(function* () {
        started++;
        if (depth < N) yield bif('spawn_link/1', link(depth + 1));
        yield recv(() => undefined);
      });
    let last: Term | undefined;
    rt.spawn(script(function* () {
      yield bif('process_flag/2', 'trap_exit', 'true');
      first = (yield bif('spawn_link/1', link(1))) as Pid;
      // Let the chain build.
      while (started < N) yield bif('yield/0');
      expect(rt.processes().length).toBe(N + 1);
      yield bif('exit/2', first, 'kill');
      last = yield recv(exitFrom(first));
    }));
    await rt.run();
    expect(last).toBe('killed');
    expect(rt.processes().length).toBe(0); // the chain died; the test process finished
  });

  it('exit(Pid, normal) is ignored by another process; exit(self(), normal) ends the caller', async () => {
    const { rt } = testRuntime();
    let target: Pid | undefined;
    let after = false;
    const self = rt.spawn(script(function* (p) {
      target = (yield bif('spawn/1', waitForever)) as Pid;
      yield bif('exit/2', target, 'normal');
      yield bif('exit/2', p.pid, 'normal');
      after = true;
    }));
    const e = watchExit(rt, self);
    await rt.run();
    expect(rt.isAlive(target!)).toBe(true);
    expect(e.reason).toBe('normal');
    expect(after).toBe(false);
  });

  it('exit(self(), kill) cannot be caught', async () => {
    const { rt } = testRuntime();
    const trace: string[] = [];
    const pid = rt.spawn(script(function* (p) {
      try {
        yield bif('exit/2', p.pid, 'kill');
        trace.push('after');
      } catch {
        trace.push('caught');
      }
    }));
    const e = watchExit(rt, pid);
    await rt.run();
    expect(e.reason).toBe('killed');
    expect(trace).toEqual([]);
  });

  it('a trapping process sends itself {EXIT, Self, R} with exit/2', async () => {
    const { rt } = testRuntime();
    let got: Term[] = [];
    rt.spawn(script(function* (p) {
      yield bif('process_flag/2', 'trap_exit', 'true');
      yield bif('exit/2', p.pid, 'normal');
      yield bif('exit/2', p.pid, 'foo');
      got = [yield recv(exitFrom(p.pid)), yield recv(exitFrom(p.pid))];
    }));
    await rt.run();
    expect(got).toEqual(['normal', 'foo']);
  });

  it('link/1 to a dead process: error noproc, or {EXIT, Pid, noproc} when trapping', async () => {
    const { rt } = testRuntime();
    let err: ErlangError | undefined;
    let msg: Term | undefined;
    rt.spawn(script(function* () {
      const dead = yield bif('spawn/1', procFun(function* () {}));
      while ((yield bif('is_process_alive/1', dead)) === 'true') yield bif('yield/0');
      try {
        yield bif('link/1', dead);
      } catch (e) {
        err = e as ErlangError;
      }
      yield bif('process_flag/2', 'trap_exit', 'true');
      expect(yield bif('link/1', dead)).toBe('true');
      msg = yield recv(exitFrom(dead));
    }));
    await rt.run();
    expect(err?.reason).toBe('noproc');
    expect(msg).toBe('noproc');
  });

  it('unlink removes the link on both sides', async () => {
    const { rt } = testRuntime();
    let links: Term[] = [];
    let child: Pid | undefined;
    rt.spawn(script(function* (p) {
      child = (yield bif('spawn_link/1', waitForever)) as Pid;
      const before = (yield bif('process_info/2', p.pid, 'links')) as Term[];
      yield bif('unlink/1', child);
      const after = (yield bif('process_info/2', p.pid, 'links')) as Term[];
      const theirs = (yield bif('process_info/2', child, 'links')) as Term[];
      links = [arr(before[1]!).length, arr(after[1]!).length, arr(theirs[1]!).length];
      yield bif('exit/1', 'crash'); // must not take the child along
    }));
    await rt.run();
    expect(links).toEqual([1, 0, 0]);
    expect(rt.isAlive(child!)).toBe(true);
  });
});

describe('exit signal rules (differential against erl)', () => {
  it('gives a trapping parent the same EXIT reasons as OTP 25', async () => {
    const src = `Parent = self(),
      W = spawn(fun() ->
        process_flag(trap_exit, true),
        Wait = fun() -> receive after infinity -> ok end end,
        Get = fun(P) -> receive {'EXIT', P, R} -> R end end,
        A = spawn_link(fun() -> exit(normal) end), R1 = Get(A),
        B = spawn_link(fun() -> error(bad) end), {R2, _} = Get(B),
        C = spawn_link(fun() -> exit(kill) end), R3 = Get(C),
        D = spawn_link(fun() -> process_flag(trap_exit, true), Wait() end), exit(D, kill), R4 = Get(D),
        E = spawn_link(Wait), exit(E, normal), exit(E, foo), R5 = Get(E),
        F = spawn_link(fun() -> throw(t) end), {R6, _} = Get(F),
        G = spawn_link(fun() -> exit(self(), normal), Wait() end), R7 = Get(G),
        Parent ! {self(), [R1, R2, R3, R4, R5, R6, R7]}
      end),
      receive {W, Rs} -> Rs end`;
    const want = binaryToTerm(await erl.eval(src));
    const { rt } = testRuntime({ logCrashes: false });
    let got: Term = 'none';
    const wait = function* (): Generator<Op, void, unknown> {
      yield recv(() => undefined);
    };
    rt.spawn(script(function* () {
      yield bif('process_flag/2', 'trap_exit', 'true');
      const get = (pid: Term) => recv(exitFrom(pid));
      const a = yield bif('spawn_link/1', procFun(function* () { yield bif('exit/1', 'normal'); }));
      const r1 = yield get(a);
      const b = yield bif('spawn_link/1', procFun(function* () { yield bif('error/1', 'bad'); }));
      const r2 = ((yield get(b)) as Term[])[0]!;
      const c = yield bif('spawn_link/1', procFun(function* () { yield bif('exit/1', 'kill'); }));
      const r3 = yield get(c);
      const d = yield bif('spawn_link/1', procFun(function* () {
        yield bif('process_flag/2', 'trap_exit', 'true');
        yield* wait();
      }));
      yield bif('exit/2', d, 'kill');
      const r4 = yield get(d);
      const e = yield bif('spawn_link/1', procFun(wait));
      yield bif('exit/2', e, 'normal');
      yield bif('exit/2', e, 'foo');
      const r5 = yield get(e);
      const f = yield bif('spawn_link/1', procFun(function* () { yield bif('throw/1', 't'); }));
      const r6 = ((yield get(f)) as Term[])[0]!;
      const g = yield bif('spawn_link/1', procFun(function* (q) {
        yield bif('exit/2', q.pid, 'normal');
        yield* wait();
      }));
      const r7 = yield get(g);
      got = listOf([r1, r2, r3, r4, r5, r6, r7]);
    }));
    await rt.run();
    expect(formatW(got)).toBe(formatW(want));
    expect(formatW(want)).toBe('[normal,bad,kill,killed,foo,{nocatch,t},normal]');
  });
});

describe('monitors', () => {
  it('delivers DOWN with the exit reason, and noproc for a dead target', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* () {
      const [pid, ref] = (yield bif('spawn_monitor/1', procFun(function* () {
        yield bif('exit/1', 'bye');
      }))) as [Pid, Ref];
      const m = (yield recv((m) => (Array.isArray(m) && m[1] === ref ? m : undefined))) as Term[];
      got.push(m[0]!, m[2]!, m[3] === pid ? 'pid' : 'other', m[4]!);
      const ref2 = yield bif('monitor/2', 'process', pid);
      got.push(yield recv(down(ref2)));
    }));
    await rt.run();
    expect(got).toEqual(['DOWN', 'process', 'pid', 'bye', 'noproc']);
  });

  it('names the target {Name, Node} when monitoring by name', async () => {
    const { rt } = testRuntime();
    let item: Term | undefined;
    let noproc: Term | undefined;
    rt.spawn(script(function* () {
      const pid = yield bif('spawn/1', waitForever);
      yield bif('register/2', 'srv', pid);
      const ref = yield bif('monitor/2', 'process', 'srv');
      yield bif('exit/2', pid, 'stop');
      item = yield recv((m) => (Array.isArray(m) && m[1] === ref ? m[3] : undefined));
      const ref2 = yield bif('monitor/2', 'process', ['nosuch', 'nonode@nohost']);
      noproc = yield recv((m) => (Array.isArray(m) && m[1] === ref2 ? [m[3]!, m[4]!] : undefined));
    }));
    await rt.run();
    expect(item).toEqual(['srv', 'nonode@nohost']);
    expect(noproc).toEqual([['nosuch', 'nonode@nohost'], 'noproc']);
  });

  it('demonitor: info tells whether the monitor was active; flush removes the DOWN', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* (p) {
      const pid = yield bif('spawn/1', waitForever);
      const ref = yield bif('monitor/2', 'process', pid);
      got.push(yield bif('demonitor/2', ref, listOf(['info'])));
      got.push(yield bif('demonitor/2', ref, listOf(['info'])));
      const ref2 = yield bif('monitor/2', 'process', pid);
      yield bif('exit/2', pid, 'x');
      got.push(p.queueLength);
      got.push(yield bif('demonitor/2', ref2, listOf(['flush', 'info'])));
      got.push(p.queueLength);
      // Monitoring oneself creates nothing.
      const self = yield bif('monitor/2', 'process', p.pid);
      got.push(yield bif('demonitor/2', self, listOf(['info'])));
    }));
    await rt.run();
    expect(got).toEqual(['true', 'false', 1, 'false', 0, 'false']);
  });

  it('reports monitors and monitored_by in process_info', async () => {
    const { rt } = testRuntime();
    let info: Term[] = [];
    rt.spawn(script(function* (p) {
      const pid = yield bif('spawn/1', waitForever);
      yield bif('register/2', 'zz', pid);
      yield bif('monitor/2', 'process', pid);
      yield bif('monitor/2', 'process', 'zz');
      const mine = (yield bif('process_info/2', p.pid, 'monitors')) as Term[];
      const theirs = (yield bif('process_info/2', pid, 'monitored_by')) as Term[];
      info = [arr(mine[1]!), arr(theirs[1]!).map((x) => x === p.pid)];
    }));
    await rt.run();
    const [mine, theirs] = info as [Term[], Term[]];
    expect(mine.length).toBe(2);
    expect((mine[1] as Term[])[1]).toEqual(['zz', 'nonode@nohost']);
    expect(theirs).toEqual([true, true]);
  });

  it('a monitor alias receives replies until demonitor', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* (p) {
      const server = yield bif('spawn/1', procFun(function* () {
        for (;;) {
          const [from, tag] = (yield recv()) as [Pid, Ref];
          yield bif('send/2', tag, ['reply', tag]);
          void from;
        }
      }));
      const ref = yield bif('monitor/3', 'process', server, listOf([['alias', 'demonitor']]));
      yield bif('send/2', server, [p.pid, ref]);
      got.push((yield recv((m) => (Array.isArray(m) && m[1] === ref ? m[0] : undefined))) as Term);
      yield bif('demonitor/2', ref, listOf(['flush']));
      yield bif('send/2', server, [p.pid, ref]);
      got.push((yield recv((m) => m, 50)) === TIMEOUT ? 'no reply' : 'reply');
      const a = yield bif('alias/0');
      yield bif('send/2', a, 'via alias');
      got.push(yield recv());
      got.push(yield bif('unalias/1', a));
      yield bif('send/2', a, 'dropped');
      got.push((yield recv((m) => m, 0)) === TIMEOUT ? 'empty' : 'message');
    }));
    await rt.run();
    expect(got).toEqual(['reply', 'no reply', 'via alias', 'true', 'empty']);
  });
});

describe('messages', () => {
  it('preserves order between each pair of processes with two senders', async () => {
    const { rt } = testRuntime();
    const N = 2000;
    let received: Term[] = [];
    rt.spawn(script(function* (p) {
      const sender = (tag: string) =>
        procFun(function* () {
          for (let i = 0; i < N; i++) {
            yield bif('send/2', p.pid, [tag, i]);
            if (i % 97 === 0) yield bif('yield/0');
          }
        });
      yield bif('spawn/1', sender('a'));
      yield bif('spawn/1', sender('b'));
      for (let i = 0; i < 2 * N; i++) received.push(yield recv());
    }));
    await rt.run();
    const seq = (tag: string) => received.filter((m) => (m as Term[])[0] === tag).map((m) => (m as Term[])[1]);
    const expected = Array.from({ length: N }, (_, i) => i);
    expect(seq('a')).toEqual(expected);
    expect(seq('b')).toEqual(expected);
    // The two streams did interleave.
    expect(received.slice(0, N).every((m) => (m as Term[])[0] === 'a')).toBe(false);
    received = [];
  });

  it('send to a name: badarg when unregistered; {Name, Node} never raises', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* () {
      try {
        yield bif('send/2', 'nobody', 'x');
      } catch (e) {
        got.push((e as ErlangError).reason);
      }
      got.push(yield bif('send/2', ['nobody', 'nonode@nohost'], 'x'));
      got.push(yield bif('send/2', ['nobody', 'other@host'], 'y'));
    }));
    await rt.run();
    expect(got).toEqual(['badarg', 'x', 'y']);
  });
});
