/**
 * Process BIFs: a differential matrix of argument checks against erl (each
 * call in both runtimes, in order, in a fresh process; the outcome is `ok` or
 * `{Class, Reason}` with complex reasons collapsed), then behaviour tests for
 * process_info, the process dictionary, spawn variants, the registry, time and
 * unique integers, hibernate and apply.
 */
import { describe, expect, it } from 'vitest';
import { ErlangError } from '../../runtime/process/protocol.js';
import type { Process } from '../../runtime/process/process.js';
import { binaryToTerm } from '../../runtime/terms/etf.js';
import { exactEquals } from '../../runtime/terms/compare.js';
import { formatW } from '../../runtime/terms/print.js';
import { Fun, NIL, Pid, Ref, list, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import { arr, bif, fun, procFun, recv, script, testRuntime } from './harness.js';

interface Ctx {
  self: Pid;
  dead: Pid;
  live: Pid;
  ref: Ref;
  f: Fun;
}

const L = (...xs: Term[]): Term => list(xs);
const node = 'nonode@nohost';

/** [Erlang expression, BIF, arguments] — the expression's free variables are Self, Dead, Live, Ref, F. */
const CASES: [string, string, (c: Ctx) => Term[]][] = [
  ['link(foo)', 'link/1', () => ['foo']],
  ['link(1)', 'link/1', () => [1]],
  ['link(Self)', 'link/1', (c) => [c.self]],
  ['unlink(foo)', 'unlink/1', () => ['foo']],
  ['unlink(Dead)', 'unlink/1', (c) => [c.dead]],
  ['link(Dead)', 'link/1', (c) => [c.dead]],
  ['monitor(process, 1)', 'monitor/2', () => ['process', 1]],
  ['monitor(foo, Self)', 'monitor/2', (c) => ['foo', c.self]],
  ['monitor(process, {a, b, c})', 'monitor/2', () => ['process', ['a', 'b', 'c']]],
  ['monitor(process, nosuchname)', 'monitor/2', () => ['process', 'nosuchname']],
  ['monitor(port, 1)', 'monitor/2', () => ['port', 1]],
  ['monitor(time_offset, clock_service)', 'monitor/2', () => ['time_offset', 'clock_service']],
  ['monitor(time_offset, foo)', 'monitor/2', () => ['time_offset', 'foo']],
  ['erlang:monitor(process, Live, [bad])', 'monitor/3', (c) => ['process', c.live, L('bad')]],
  ['erlang:monitor(process, Live, [{alias, bad}])', 'monitor/3', (c) => ['process', c.live, L(['alias', 'bad'])]],
  ['erlang:monitor(process, Live, [{alias, demonitor}])', 'monitor/3', (c) => ['process', c.live, L(['alias', 'demonitor'])]],
  ['erlang:monitor(process, Live, [{tag, x}])', 'monitor/3', (c) => ['process', c.live, L(['tag', 'x'])]],
  ['erlang:monitor(process, Live, foo)', 'monitor/3', (c) => ['process', c.live, 'foo']],
  ['demonitor(foo)', 'demonitor/1', () => ['foo']],
  ['demonitor(Ref, [bad])', 'demonitor/2', (c) => [c.ref, L('bad')]],
  ['demonitor(Ref, bad)', 'demonitor/2', (c) => [c.ref, 'bad']],
  ['demonitor(Ref, [flush, info])', 'demonitor/2', (c) => [c.ref, L('flush', 'info')]],
  ['exit(foo, x)', 'exit/2', () => ['foo', 'x']],
  ['exit(1, x)', 'exit/2', () => [1, 'x']],
  ['exit(Dead, x)', 'exit/2', (c) => [c.dead, 'x']],
  ['register(rr, Dead)', 'register/2', (c) => ['rr', c.dead]],
  ['register(undefined, Live)', 'register/2', (c) => ['undefined', c.live]],
  ['register(1, Live)', 'register/2', (c) => [1, c.live]],
  ['register(rr, foo)', 'register/2', () => ['rr', 'foo']],
  ['register(rr, Live)', 'register/2', (c) => ['rr', c.live]],
  ['register(rr, Self)', 'register/2', (c) => ['rr', c.self]],
  ['register(rr2, Live)', 'register/2', (c) => ['rr2', c.live]],
  ['unregister(rr)', 'unregister/1', () => ['rr']],
  ['unregister(rr)', 'unregister/1', () => ['rr']],
  ['unregister(1)', 'unregister/1', () => [1]],
  ['whereis(1)', 'whereis/1', () => [1]],
  ['whereis(nope)', 'whereis/1', () => ['nope']],
  ['process_flag(trap_exit, foo)', 'process_flag/2', () => ['trap_exit', 'foo']],
  ['process_flag(foo, true)', 'process_flag/2', () => ['foo', 'true']],
  ['process_flag(priority, high)', 'process_flag/2', () => ['priority', 'high']],
  ['process_flag(priority, bad)', 'process_flag/2', () => ['priority', 'bad']],
  ['process_flag(min_heap_size, -1)', 'process_flag/2', () => ['min_heap_size', -1]],
  ['process_flag(min_heap_size, 1000)', 'process_flag/2', () => ['min_heap_size', 1000]],
  ['process_flag(message_queue_data, off_heap)', 'process_flag/2', () => ['message_queue_data', 'off_heap']],
  ['process_flag(message_queue_data, bad)', 'process_flag/2', () => ['message_queue_data', 'bad']],
  ['process_flag(save_calls, 10001)', 'process_flag/2', () => ['save_calls', 10001]],
  ['process_flag(sensitive, true)', 'process_flag/2', () => ['sensitive', 'true']],
  ['process_flag(error_handler, 1)', 'process_flag/2', () => ['error_handler', 1]],
  ['process_flag(Self, trap_exit, true)', 'process_flag/3', (c) => [c.self, 'trap_exit', 'true']],
  ['is_process_alive(foo)', 'is_process_alive/1', () => ['foo']],
  ['process_info(foo)', 'process_info/1', () => ['foo']],
  ['process_info(Self, foo)', 'process_info/2', (c) => [c.self, 'foo']],
  ['process_info(Self, [foo])', 'process_info/2', (c) => [c.self, L('foo')]],
  ['process_info(Self, [status | x])', 'process_info/2', (c) => [c.self, list(['status'], 'x')]],
  ['process_info(Dead, status)', 'process_info/2', (c) => [c.dead, 'status']],
  ['process_info(Dead, foo)', 'process_info/2', (c) => [c.dead, 'foo']],
  ['spawn(foo)', 'spawn/1', () => ['foo']],
  ['spawn(a, b, c)', 'spawn/3', () => ['a', 'b', 'c']],
  ['spawn(a, b, [x | y])', 'spawn/3', () => ['a', 'b', list(['x'], 'y')]],
  ['spawn(1, b, [])', 'spawn/3', () => [1, 'b', NIL]],
  ['spawn(1, F)', 'spawn/2', (c) => [1, c.f]],
  ['spawn(node(), F)', 'spawn/2', (c) => [node, c.f]],
  ['spawn_link(foo)', 'spawn_link/1', () => ['foo']],
  ['spawn_monitor(a, b, c)', 'spawn_monitor/3', () => ['a', 'b', 'c']],
  ['spawn_opt(F, [bad])', 'spawn_opt/2', (c) => [c.f, L('bad')]],
  ['spawn_opt(F, [{priority, bad}])', 'spawn_opt/2', (c) => [c.f, L(['priority', 'bad'])]],
  ['spawn_opt(F, [{min_heap_size, -1}])', 'spawn_opt/2', (c) => [c.f, L(['min_heap_size', -1])]],
  ['spawn_opt(F, bad)', 'spawn_opt/2', (c) => [c.f, 'bad']],
  ['spawn_opt(F, [link, monitor, {priority, low}, {fullsweep_after, 10}])', 'spawn_opt/2', (c) => [
    c.f,
    L('link', 'monitor', ['priority', 'low'], ['fullsweep_after', 10]),
  ]],
  ['erlang:send(1, x)', 'send/2', () => [1, 'x']],
  ['erlang:send(nope_name, x)', 'send/2', () => ['nope_name', 'x']],
  ['erlang:send({a, b, c}, x)', 'send/2', () => [['a', 'b', 'c'], 'x']],
  ['erlang:send({1, node()}, x)', 'send/2', () => [[1, node], 'x']],
  ['erlang:send({nope_name, node()}, x)', 'send/2', () => [['nope_name', node], 'x']],
  ['erlang:send(Self, x, [bad])', 'send/3', (c) => [c.self, 'x', L('bad')]],
  ['erlang:send(Self, x, [noconnect])', 'send/3', (c) => [c.self, 'x', L('noconnect')]],
  ['erlang:send(Ref, x)', 'send/2', (c) => [c.ref, 'x']],
  ['erlang:send(Dead, x)', 'send/2', (c) => [c.dead, 'x']],
  ['erlang:send_after(-1, Self, x)', 'send_after/3', (c) => [-1, c.self, 'x']],
  ['erlang:send_after(10, {a, node()}, x)', 'send_after/3', () => [10, ['a', node], 'x']],
  ['erlang:send_after(-5, Self, x, [{abs, true}])', 'send_after/4', (c) => [-5, c.self, 'x', L(['abs', 'true'])]],
  ['erlang:send_after(10, Self, x, [{abs, 1}])', 'send_after/4', (c) => [10, c.self, 'x', L(['abs', 1])]],
  ['erlang:start_timer(10, nope_name, x)', 'start_timer/3', () => [10, 'nope_name', 'x']],
  ['erlang:cancel_timer(foo)', 'cancel_timer/1', () => ['foo']],
  ['erlang:read_timer(Ref)', 'read_timer/1', (c) => [c.ref]],
  ['erlang:cancel_timer(Ref, [bad])', 'cancel_timer/2', (c) => [c.ref, L('bad')]],
  ['erlang:monotonic_time(foo)', 'monotonic_time/1', () => ['foo']],
  ['erlang:monotonic_time(0)', 'monotonic_time/1', () => [0]],
  ['erlang:monotonic_time(-1)', 'monotonic_time/1', () => [-1]],
  ['erlang:monotonic_time(7)', 'monotonic_time/1', () => [7]],
  ['erlang:system_time(seconds)', 'system_time/1', () => ['seconds']],
  ['erlang:unique_integer([foo])', 'unique_integer/1', () => [L('foo')]],
  ['erlang:unique_integer(foo)', 'unique_integer/1', () => ['foo']],
  ['erlang:unique_integer([positive, monotonic])', 'unique_integer/1', () => [L('positive', 'monotonic')]],
  ['node(1)', 'node/1', () => [1]],
  ['node(Ref)', 'node/1', (c) => [c.ref]],
  ['nodes(foo)', 'nodes/1', () => ['foo']],
  ['nodes([visible, hidden])', 'nodes/1', () => [L('visible', 'hidden')]],
  ['group_leader(foo, Self)', 'group_leader/2', () => ['foo', new Pid(0)]],
  ['group_leader(Self, Dead)', 'group_leader/2', (c) => [c.self, c.dead]],
  ['erlang:hibernate(a, b, c)', 'hibernate/3', () => ['a', 'b', 'c']],
  ['erlang:alias([bad])', 'alias/1', () => [L('bad')]],
  ['erlang:alias([reply])', 'alias/1', () => [L('reply')]],
  ['erlang:unalias(foo)', 'unalias/1', () => ['foo']],
  ['erlang:unalias(Ref)', 'unalias/1', (c) => [c.ref]],
  ['erlang:raise(foo, x, [])', 'raise/3', () => ['foo', 'x', NIL]],
  ['erlang:raise(throw, y, [])', 'raise/3', () => ['throw', 'y', NIL]],
  ['erlang:raise(exit, y, foo)', 'raise/3', () => ['exit', 'y', 'foo']],
  ['erlang:raise(exit, y, [{a, b, c, [x | y]}, {a, b, 1}])', 'raise/3', () => ['exit', 'y', L(['a', 'b', 'c', list(['x'], 'y')], ['a', 'b', 1])]],
  ['erlang:raise(exit, y, [{a, b, c, d}])', 'raise/3', () => ['exit', 'y', L(['a', 'b', 'c', 'd'])]],
  ['erlang:raise(exit, y, [{1, b, c}])', 'raise/3', () => ['exit', 'y', L([1, 'b', 'c'])]],
  ['erlang:raise(exit, y, [{F, 1, []}])', 'raise/3', (c) => ['exit', 'y', L([c.f, 1, NIL])]],
  ['erlang:error(foo)', 'error/1', () => ['foo']],
  ['throw(x)', 'throw/1', () => ['x']],
  ['exit(x)', 'exit/1', () => ['x']],
  ['apply(1, foo, [])', 'apply/3', () => [1, 'foo', NIL]],
  ['apply(lists, foo, [a | b])', 'apply/3', () => ['lists', 'foo', list(['a'], 'b')]],
  ['apply(nosuchmod, f, [])', 'apply/3', () => ['nosuchmod', 'f', NIL]],
  ['apply(foo, [1])', 'apply/2', () => ['foo', L(1)]],
  ['apply(F, foo)', 'apply/2', (c) => [c.f, 'foo']],
  ['halt(-1)', 'halt/1', () => [-1]],
  ['halt(foo)', 'halt/1', () => ['foo']],
  ['halt(0, [bad])', 'halt/2', () => [0, L('bad')]],
  ['garbage_collect(foo)', 'garbage_collect/1', () => ['foo']],
  ['erlang:yield()', 'yield/0', () => []],
  ['put(k, v)', 'put/2', () => ['k', 'v']],
];

/** `ok`, or `{Class, Reason}` with a non-atom reason shown as `complex`. */
function outcome(e: unknown): Term {
  if (!(e instanceof ErlangError)) throw e;
  return [e.cls, typeof e.reason === 'string' ? e.reason : 'complex'];
}

async function erlOutcomes(): Promise<Term> {
  const funs = CASES.map(([expr]) => `fun() -> ${expr} end`).join(',\n');
  const src =
    `Parent = self(),\n` +
    `W = spawn(fun() -> Parent ! {self(), [begin ` +
    `Self = self(), Dead = spawn(fun() -> ok end), timer:sleep(5), ` +
    `Live = spawn(fun() -> receive after 2000 -> ok end end), Ref = make_ref(), F = fun() -> ok end, ` +
    `[try G() of _ -> ok catch C:R -> {C, if is_atom(R) -> R; true -> complex end} end || G <- [${funs}]] ` +
    `end]} end),\n` +
    `receive {W, [Res]} -> Res end`;
  return binaryToTerm(await erl.eval(src));
}

describe('process BIF argument checks (differential against erl)', () => {
  it(`agrees with OTP 25 on ${CASES.length} calls`, async () => {
    const want = arr(await erlOutcomes());
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* (p) {
      const dead = (yield bif('spawn/1', procFun(function* () {}))) as Pid;
      while ((yield bif('is_process_alive/1', dead)) === 'true') yield bif('yield/0');
      const live = (yield bif('spawn/1', procFun(function* () {
        yield recv(() => undefined, 2000);
      }))) as Pid;
      const ctx: Ctx = { self: p.pid, dead, live, ref: rt.refs.make(), f: fun(() => 'ok') };
      for (const [, name, args] of CASES) {
        try {
          yield bif(name, ...args(ctx));
          got.push('ok');
        } catch (e) {
          got.push(outcome(e));
        }
      }
      yield bif('exit/2', live, 'kill');
    }));
    await rt.run();
    const diffs = CASES.map(([expr], i) => [expr, formatW(want[i]!), formatW(got[i] ?? 'missing')])
      .filter(([, w, g]) => w !== g)
      .map(([e, w, g]) => `${e}: erl ${w}, beamjs ${g}`);
    expect(diffs).toEqual([]);
    expect(got.length).toBe(CASES.length);
  });
});

describe('process_info', () => {
  it('reports the default items in BEAM order and specific items', async () => {
    const { rt } = testRuntime();
    const got: Record<string, Term> = {};
    rt.spawn(script(function* (p) {
      yield bif('put/2', 'k', 'v');
      yield bif('send/2', p.pid, 'm1');
      const all = arr((yield bif('process_info/1', p.pid)) as Term);
      got.keys = all.map((t) => (t as Term[])[0]!);
      yield bif('register/2', 'me', p.pid);
      const named = arr((yield bif('process_info/1', p.pid)) as Term);
      got.first = (named[0] as Term[])[0]!;
      for (const item of ['status', 'message_queue_len', 'messages', 'dictionary', 'registered_name', 'trap_exit', 'initial_call']) {
        got[item] = ((yield bif('process_info/2', p.pid, item)) as Term[])[1]!;
      }
      yield bif('unregister/1', 'me');
      got.unnamed = (yield bif('process_info/2', p.pid, 'registered_name')) as Term;
      got.listForm = (yield bif('process_info/2', p.pid, list(['registered_name', 'priority']))) as Term;
      const child = yield bif('spawn/3', 'm', 'f', list([1, 2]));
      got.childCall = ((yield bif('process_info/2', child, 'initial_call')) as Term[])[1]!;
      got.childStatus = ((yield bif('process_info/2', child, 'status')) as Term[])[1]!;
    }));
    await rt.run();
    expect(got.keys).toEqual([
      'current_function', 'initial_call', 'status', 'message_queue_len', 'links', 'dictionary',
      'trap_exit', 'error_handler', 'priority', 'group_leader', 'total_heap_size', 'heap_size',
      'stack_size', 'reductions', 'garbage_collection', 'suspending',
    ]);
    expect(got.first).toBe('registered_name');
    expect(got.status).toBe('running');
    expect(got.message_queue_len).toBe(1);
    expect(arr(got.messages!)).toEqual(['m1']);
    expect(arr(got.dictionary!)).toEqual([['k', 'v']]);
    expect(got.registered_name).toBe('me');
    expect(got.trap_exit).toBe('false');
    expect(got.unnamed).toBe(NIL);
    expect(arr(got.listForm!)).toEqual([['registered_name', NIL], ['priority', 'normal']]);
    expect(got.childCall).toEqual(['m', 'f', 2]);
    expect(got.childStatus).toBe('runnable');
  });

  it('counts reductions', async () => {
    const { rt } = testRuntime();
    let reds: number[] = [];
    rt.spawn(script(function* (p) {
      const r1 = ((yield bif('process_info/2', p.pid, 'reductions')) as Term[])[1] as number;
      for (let i = 0; i < 10; i++) yield bif('yield/0');
      const r2 = ((yield bif('process_info/2', p.pid, 'reductions')) as Term[])[1] as number;
      reds = [r1, r2];
    }));
    await rt.run();
    expect(reds[1]! - reds[0]!).toBeGreaterThanOrEqual(10);
  });
});

describe('process dictionary', () => {
  it('put/get/erase/get_keys with structured keys compared by =:=', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* () {
      got.push(yield bif('put/2', ['k', 1], 'a'));
      got.push(yield bif('put/2', ['k', 1], 'b'));
      got.push(yield bif('get/1', ['k', 1]));
      got.push(yield bif('put/2', 1, 'int'));
      got.push(yield bif('get/1', [['k', 1]][0]));
      got.push(yield bif('get_keys/1', 'b'));
      got.push(yield bif('erase/1', ['k', 1]));
      got.push(yield bif('erase/1', ['k', 1]));
      got.push(yield bif('get/0'));
      got.push(yield bif('erase/0'));
      got.push(yield bif('get_keys/0'));
    }));
    await rt.run();
    const want: Term[] = ['undefined', 'a', 'b', 'undefined', 'b', list([['k', 1]]), 'b', 'undefined',
      list([[1, 'int']]), list([[1, 'int']]), NIL];
    expect(got.map((t, i) => exactEquals(t, want[i]!) || formatW(t))).toEqual(want.map(() => true));
  });
});

describe('spawn, registry, apply, hibernate', () => {
  it('spawn(M, F, A) crashes the child with undef when the function is missing', async () => {
    const { rt, err } = testRuntime();
    let reason: Term | undefined;
    rt.spawn(script(function* () {
      const [, ref] = (yield bif('spawn_monitor/3', 'nosuchmod', 'f', list([1]))) as [Pid, Ref];
      reason = yield recv((m) => (Array.isArray(m) && m[1] === ref ? m[4] : undefined));
    }));
    await rt.run();
    expect(formatW(reason!)).toBe('{undef,[{nosuchmod,f,[1],[]}]}');
    expect(err.join('')).toContain('{undef,[{nosuchmod,f,[1],[]}]}');
  });

  it('spawn(Fun) of the wrong arity crashes the child with badarity', async () => {
    const { rt } = testRuntime({ logCrashes: false });
    let reason: Term | undefined;
    const f1 = fun((_p: Process, x: Term) => x, 1);
    rt.spawn(script(function* () {
      const [, ref] = (yield bif('spawn_monitor/1', f1)) as [Pid, Ref];
      reason = yield recv((m) => (Array.isArray(m) && m[1] === ref ? m[4] : undefined));
    }));
    await rt.run();
    const r = reason as Term[];
    expect((r[0] as Term[])[0]).toBe('badarity');
  });

  it('registered/0, whereis/1 and unregistering on exit', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* () {
      const child = yield bif('spawn/1', procFun(function* () {
        yield recv();
      }));
      yield bif('register/2', 'kid', child);
      got.push(arr((yield bif('registered/0')) as Term));
      got.push((yield bif('whereis/1', 'kid')) === child);
      yield bif('send/2', 'kid', 'go');
      while ((yield bif('is_process_alive/1', child)) === 'true') yield bif('yield/0');
      got.push(yield bif('whereis/1', 'kid'));
    }));
    await rt.run();
    expect(got).toEqual([['kid'], true, 'undefined']);
    expect(rt.whereis('kid')).toBeUndefined();
  });

  it('hibernate/3 drops the stack and continues in M:F(A) on the next message', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.modules.registerModule('hib', {
      'wake/1': script(function* (p) {
        got.push('woke', p.stack.length, yield recv());
      }),
    });
    const pid = rt.spawn(script(function* () {
      yield bif('hibernate/3', 'hib', 'wake', list(['arg']));
      got.push('never here');
    }));
    await rt.run();
    expect(rt.processOf(pid)!.status).toBe('waiting');
    rt.send(pid, 'msg');
    await rt.run();
    expect(got).toEqual(['woke', 0, 'msg']);
  });

  it('apply/3 and apply/2 call through the registry and funs', async () => {
    const { rt } = testRuntime();
    rt.modules.registerModule('m', { 'add/2': (_p: Process, a: number, b: number) => a + b });
    const got: Term[] = [];
    rt.spawn(script(function* (p) {
      got.push(yield bif('apply/3', 'm', 'add', list([1, 2])));
      got.push((yield bif('apply/3', 'erlang', 'self', NIL)) === p.pid);
      got.push(yield bif('apply/2', fun((_q: Process, x: number, y: number) => x * y, 1, [10]), list([4])));
    }));
    await rt.run();
    expect(got).toEqual([3, true, 40]);
  });
});

describe('time and identity', () => {
  it('monotonic and system time agree with their units', async () => {
    const { rt } = testRuntime();
    const got: Term[] = [];
    rt.spawn(script(function* () {
      const ns = (yield bif('monotonic_time/0')) as number;
      const ms = (yield bif('monotonic_time/1', 'millisecond')) as number;
      got.push(Math.abs(Math.floor(ns / 1e6) - ms) <= 1);
      const sys = (yield bif('system_time/1', 'second')) as number;
      got.push(Math.abs(sys - Date.now() / 1000) < 2);
      const [mega, s, us] = (yield bif('timestamp/0')) as number[];
      got.push(Math.abs(mega! * 1e6 + s! + us! / 1e6 - Date.now() / 1000) < 2);
      const a = (yield bif('unique_integer/1', list(['monotonic']))) as number;
      const b = (yield bif('unique_integer/0')) as number;
      got.push(b > a);
      const r1 = yield bif('make_ref/0');
      const r2 = yield bif('make_ref/0');
      got.push(r1 instanceof Ref && !exactEquals(r1, r2));
      got.push(/^#Ref<0\.\d+\.\d+\.\d+>$/.test(formatW(r1 as Term)));
      got.push(yield bif('node/0'), yield bif('nodes/0'));
    }));
    await rt.run();
    expect(got).toEqual([true, true, true, true, true, true, 'nonode@nohost', NIL]);
  });
});
