/**
 * The process BIFs of module `erlang`: spawning, messages, links, monitors,
 * exits and exceptions, process flags, the registry, process_info, the process
 * dictionary, timers, time, nodes and halt. Each is `(p, ...args) => Result`;
 * argument checks raise badarg where BEAM does (checked against OTP 25).
 *
 * A BIF that may end its own caller (exit/2 to itself or through a link
 * cascade, halt, hibernate) returns SUSPEND: compiled code then unwinds and the
 * scheduler acts. erlang:yield/0 saves a frame returning `true` and suspends.
 */
import { formatW } from '../terms/print.js';
import { isMap } from '../terms/types.js';
import { portExitSignal, portOf } from '../process/ports.js';
import { ErlangError, Frame, SUSPEND, type ErlFn, type ErrorClass, type Result } from '../process/protocol.js';
import { badarg } from '../process/errors.js';
import { applyFunList, applyList, properList } from '../process/modules.js';
import { alias, demonitor, monitor, unalias } from '../process/monitors.js';
import { processInfo1, processInfo2, flag, maxHeapSizeMap } from '../process/info.js';
import type { Process } from '../process/process.js';
import {
  exitSignal,
  link,
  register,
  registeredNames,
  send,
  unlink,
  unregister,
  whereis,
} from '../process/signals.js';
import {
  LINK,
  MONITOR,
  PLAIN,
  spawnFun,
  spawnMFA,
  spawnNodeFun,
  spawnNodeMFA,
  spawnOptions,
  type SpawnFlags,
} from '../process/spawn.js';
import { timerBifs } from '../process/timer-bifs.js';
import { exactEquals } from '../terms/compare.js';
import { Cons, NIL, Pid, Port, Ref, isFun, list, type Term } from '../terms/types.js';

type P = Process;

// ---- spawn family ----

function spawnFamily(name: string, f: SpawnFlags): [string, ErlFn][] {
  return [
    [`${name}/1`, (p: P, fun: Term) => spawnFun(p, fun, f)],
    [`${name}/2`, (p: P, node: Term, fun: Term) => spawnNodeFun(p, node, fun, f)],
    [`${name}/3`, (p: P, m: Term, fn: Term, a: Term) => spawnMFA(p, m, fn, a, f)],
    [`${name}/4`, (p: P, n: Term, m: Term, fn: Term, a: Term) => spawnNodeMFA(p, n, m, fn, a, f)],
  ];
}

const spawnBifs: [string, ErlFn][] = [
  ...spawnFamily('spawn', PLAIN),
  ...spawnFamily('spawn_link', LINK),
  ...spawnFamily('spawn_monitor', MONITOR),
  ['spawn_opt/2', (p: P, fun: Term, o: Term) => spawnFun(p, fun, spawnOptions(o))],
  ['spawn_opt/3', (p: P, n: Term, fun: Term, o: Term) => spawnNodeFun(p, n, fun, spawnOptions(o))],
  ['spawn_opt/4', (p: P, m: Term, f: Term, a: Term, o: Term) => spawnMFA(p, m, f, a, spawnOptions(o))],
  ['spawn_opt/5', (p: P, n: Term, m: Term, f: Term, a: Term, o: Term) => spawnNodeMFA(p, n, m, f, a, spawnOptions(o))],
];

// ---- messages, links, monitors, exits ----

function send2(p: P, dest: Term, msg: Term): Term {
  send(p.rt, dest, msg);
  return msg;
}

function send3(p: P, dest: Term, msg: Term, opts: Term): Term {
  const items = properList(opts);
  if (items === undefined || !items.every((o) => o === 'noconnect' || o === 'nosuspend')) return badarg();
  send(p.rt, dest, msg);
  return 'ok';
}

function exit2(p: P, target: Term, reason: Term): Result {
  if (target instanceof Pid) {
    const q = p.rt.processOf(target);
    if (q !== undefined) exitSignal(p.rt, q, p.pid, reason, false);
  } else if (target instanceof Port) {
    const e = portOf(p.rt, target);
    if (e !== undefined) portExitSignal(p.rt, e, p.pid, reason, false);
  } else return badarg();
  // The signal may have ended the caller itself (directly or via its links).
  return p.status === 'exiting' ? SUSPEND : 'true';
}

const CLASSES = new Set<string>(['error', 'exit', 'throw']);

/**
 * The stack trace raise/3 accepts (OTP 25): a proper list of `{M, F, A, Loc}`
 * (`M`, `F` atoms, `Loc` a list), `{M, F, A}` (taken as `{M, F, A, []}`) or
 * `{Fun, A, Loc}`. Anything else: undefined.
 */
function validStack(t: Term): Term[] | undefined {
  const items = properList(t);
  if (items === undefined) return undefined;
  const out: Term[] = [];
  for (const e of items) {
    if (!Array.isArray(e)) return undefined;
    const isLoc = (l: Term | undefined): boolean => l === NIL || l instanceof Cons;
    if (e.length === 3 && typeof e[0] === 'string' && typeof e[1] === 'string') out.push([...e, NIL]);
    else if (e.length === 4 && typeof e[0] === 'string' && typeof e[1] === 'string' && isLoc(e[3])) out.push(e);
    else if (e.length === 3 && isFun(e[0]) && isLoc(e[2])) out.push(e);
    else return undefined;
  }
  return out;
}

/** erlang:raise/3. With an invalid class or stack trace it *returns* badarg, as BEAM does. */
function raise3(_p: P, cls: Term, reason: Term, stack: Term): Term {
  const st = validStack(stack);
  if (typeof cls !== 'string' || !CLASSES.has(cls) || st === undefined) return 'badarg';
  const e = new ErlangError(cls as ErrorClass, reason, st);
  e.sealed = true;
  throw e;
}

const signalBifs: [string, ErlFn][] = [
  ['self/0', (p: P) => p.pid],
  ['send/2', send2],
  ['!/2', send2],
  ['send/3', send3],
  ['link/1', (p: P, t: Term) => link(p.rt, p, t)],
  ['unlink/1', (p: P, t: Term) => unlink(p.rt, p, t)],
  ['monitor/2', (p: P, type: Term, item: Term) => monitor(p.rt, p, type, item)],
  ['monitor/3', (p: P, type: Term, item: Term, o: Term) => monitor(p.rt, p, type, item, o)],
  ['demonitor/1', (p: P, ref: Term) => demonitor(p.rt, p, ref)],
  ['demonitor/2', (p: P, ref: Term, o: Term) => demonitor(p.rt, p, ref, o)],
  ['alias/0', (p: P) => alias(p.rt, p)],
  ['alias/1', (p: P, o: Term) => alias(p.rt, p, o)],
  ['unalias/1', (p: P, ref: Term) => unalias(p.rt, p, ref)],
  ['exit/2', exit2],
  ['exit/1', (_p: P, r: Term) => { throw new ErlangError('exit', r); }],
  ['error/1', (_p: P, r: Term) => { throw new ErlangError('error', r); }],
  ['error/2', (_p: P, r: Term) => { throw new ErlangError('error', r); }],
  ['error/3', (_p: P, r: Term) => { throw new ErlangError('error', r); }],
  ['throw/1', (_p: P, r: Term) => { throw new ErlangError('throw', r); }],
  ['raise/3', raise3],
  ['apply/2', (p: P, f: Term, a: Term) => applyFunList(p, f, a)],
  ['apply/3', (p: P, m: Term, f: Term, a: Term) => applyList(p, m, f, a)],
];

// ---- process flags, registry, info ----

const PRIORITIES = new Set(['low', 'normal', 'high', 'max']);
const isBool = (t: Term): boolean => t === 'true' || t === 'false';
const nonNegInt = (t: Term): boolean => typeof t === 'number' && Number.isInteger(t) && t >= 0;

/** Validity checks and defaults of the flags kept in `p.flags`. */
const FLAGS: Record<string, [(v: Term) => boolean, Term]> = {
  error_handler: [(v) => typeof v === 'string', 'error_handler'],
  min_heap_size: [nonNegInt, 233],
  min_bin_vheap_size: [nonNegInt, 46422],
  message_queue_data: [(v) => v === 'on_heap' || v === 'off_heap', 'on_heap'],
  save_calls: [(v) => nonNegInt(v) && (v as number) <= 10000, 0],
  sensitive: [isBool, 'false'],
};

function processFlag(p: P, name: Term, value: Term): Term {
  if (name === 'trap_exit') {
    if (!isBool(value)) return badarg();
    const old = p.trapExit ? 'true' : 'false';
    p.trapExit = value === 'true';
    return old;
  }
  if (name === 'priority') {
    if (!PRIORITIES.has(value as string)) return badarg();
    const old = p.priority;
    p.priority = value as string;
    return old;
  }
  if (name === 'max_heap_size') {
    const ok = nonNegInt(value) || (typeof value === 'object' && value !== null && 'isErlMap' in value);
    if (!ok) return badarg();
    const old = maxHeapSizeMap(flag(p, 'max_heap_size', 0));
    (p.flags ??= new Map()).set('max_heap_size', nonNegInt(value) ? value : ((value as { get(k: Term): Term | undefined }).get('size') ?? 0));
    return old;
  }
  if (name === 'monitor_nodes' || (Array.isArray(name) && name.length === 2 && name[0] === 'monitor_nodes' && isMap(name[1]))) {
    return monitorNodes(p, name === 'monitor_nodes' ? '' : formatW((name as Term[])[1]!), value);
  }
  if (typeof name !== 'string' || !Object.hasOwn(FLAGS, name)) return badarg();
  const [valid, dflt] = FLAGS[name]!;
  if (!valid(value)) return badarg();
  const old = flag(p, name, dflt);
  (p.flags ??= new Map()).set(name, value);
  return old;
}

/**
 * process_flag(monitor_nodes | {monitor_nodes, Opts}, Bool): subscriptions to
 * nodeup/nodedown, counted per kind of options as erts does (true adds one,
 * false drops all of that kind; the result is the count before). No node
 * ever comes or goes here, so nothing is ever sent.
 */
const nodeMonitors = new WeakMap<object, Map<string, number>>();

function monitorNodes(p: P, kind: string, value: Term): Term {
  if (!isBool(value)) return badarg();
  let counts = nodeMonitors.get(p);
  if (counts === undefined) nodeMonitors.set(p, (counts = new Map()));
  const before = counts.get(kind) ?? 0;
  if (value === 'true') counts.set(kind, before + 1);
  else counts.delete(kind);
  return before;
}

function processFlag3(p: P, pid: Term, name: Term, value: Term): Term {
  const q = pid instanceof Pid ? p.rt.processOf(pid) : undefined;
  if (q === undefined || name !== 'save_calls') return badarg();
  return processFlag(q, name, value);
}

function isProcessAlive(p: P, pid: Term): Term {
  if (!(pid instanceof Pid) || pid.node !== p.rt.node) return badarg();
  return p.rt.processOf(pid) !== undefined ? 'true' : 'false';
}

function groupLeader2(p: P, leader: Term, pid: Term): Term {
  if (!(leader instanceof Pid) || !(pid instanceof Pid)) return badarg();
  const q = p.rt.processOf(pid);
  if (q === undefined) return badarg();
  q.groupLeader = leader;
  return 'true';
}

const infoBifs: [string, ErlFn][] = [
  ['process_flag/2', processFlag],
  ['process_flag/3', processFlag3],
  ['register/2', (p: P, n: Term, pid: Term) => register(p.rt, n, pid)],
  ['unregister/1', (p: P, n: Term) => unregister(p.rt, n)],
  ['whereis/1', (p: P, n: Term) => whereis(p.rt, n)],
  ['registered/0', (p: P) => list(registeredNames(p.rt))],
  ['is_process_alive/1', isProcessAlive],
  ['process_info/1', (p: P, pid: Term) => processInfo1(p.rt, pid)],
  ['process_info/2', (p: P, pid: Term, what: Term) => processInfo2(p.rt, pid, what, p)],
  ['processes/0', (p: P) => list(p.rt.processes())],
  ['group_leader/0', (p: P) => p.groupLeader ?? 'undefined'],
  ['group_leader/2', groupLeader2],
  ['garbage_collect/0', () => 'true'],
  ['garbage_collect/1', (p: P, pid: Term) => (pid instanceof Pid ? bool(p.rt.isAlive(pid)) : badarg())],
  ['garbage_collect/2', (p: P, pid: Term, o: Term) =>
    pid instanceof Pid && properList(o) !== undefined ? bool(p.rt.isAlive(pid)) : badarg()],
];

const bool = (b: boolean): Term => (b ? 'true' : 'false');

// ---- process dictionary ----

function dictList(p: P, erase: boolean): Term {
  const d = p.dictionaryIfAny;
  if (d === undefined) return NIL;
  const out = list([...d.entries()].map(([k, v]) => [k, v]));
  if (erase) d.clear();
  return out;
}

function getKeys(p: P, value?: Term): Term {
  const d = p.dictionaryIfAny;
  if (d === undefined) return NIL;
  const keys: Term[] = [];
  for (const [k, v] of d.entries()) if (value === undefined || exactEquals(v, value)) keys.push(k);
  return list(keys);
}

const dictBifs: [string, ErlFn][] = [
  ['put/2', (p: P, k: Term, v: Term) => p.dictionary.set(k, v) ?? 'undefined'],
  ['get/1', (p: P, k: Term) => p.dictionaryIfAny?.get(k) ?? 'undefined'],
  ['get/0', (p: P) => dictList(p, false)],
  ['get_keys/0', (p: P) => getKeys(p)],
  ['get_keys/1', (p: P, v: Term) => getKeys(p, v)],
  ['erase/1', (p: P, k: Term) => p.dictionaryIfAny?.delete(k) ?? 'undefined'],
  ['erase/0', (p: P) => dictList(p, true)],
];

// ---- scheduling, nodes, halt ----

const resumeTrue = (): Result => 'true';

function yield0(p: P): Result {
  p.save(new Frame(resumeTrue, 0, []));
  return SUSPEND;
}

function hibernate(p: P, m: Term, f: Term, args: Term): Result {
  const a = properList(args);
  if (typeof m !== 'string' || typeof f !== 'string' || a === undefined) return badarg();
  p.hibernateTo = [m, f, a];
  return SUSPEND;
}

function node1(_p: P, t: Term): Term {
  if (t instanceof Pid || t instanceof Port || t instanceof Ref) return t.node;
  return badarg();
}

const NODE_KINDS = new Set(['visible', 'hidden', 'connected', 'this', 'known']);

function nodes1(p: P, arg: Term): Term {
  const kinds = typeof arg === 'string' ? [arg] : properList(arg);
  if (kinds === undefined || !kinds.every((k) => NODE_KINDS.has(k as string))) return badarg();
  return kinds.includes('this') || kinds.includes('known') ? list([p.rt.node]) : NIL;
}

/** halt/1,2 status: an integer ≥ 0, `abort`, or a string (a crash slogan). */
function haltStatus(t: Term): number | string | undefined {
  if (typeof t === 'number' && Number.isInteger(t) && t >= 0) return t;
  if (typeof t === 'bigint' && t >= 0n) return Number(t & 0xffffffffn);
  if (t === 'abort') return 'abort';
  if (t === NIL) return '';
  const chars = properList(t);
  if (chars === undefined || !(t instanceof Cons)) return undefined;
  if (!chars.every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 0x10ffff)) return undefined;
  return String.fromCodePoint(...(chars as number[]));
}

function halt(p: P, status: Term, opts: Term = NIL): Result {
  const s = haltStatus(status);
  const o = properList(opts);
  if (s === undefined || o === undefined) return badarg();
  for (const x of o) {
    if (!Array.isArray(x) || x.length !== 2 || x[0] !== 'flush' || !isBool(x[1]!)) return badarg();
  }
  p.rt.halt(s);
  return SUSPEND;
}

const systemBifs: [string, ErlFn][] = [
  ['make_ref/0', (p: P) => p.rt.refs.make()],
  ['yield/0', yield0],
  ['hibernate/3', hibernate],
  ['node/0', (p: P) => p.rt.node],
  ['node/1', node1],
  ['nodes/0', () => NIL],
  ['nodes/1', nodes1],
  ['is_alive/0', () => 'false'],
  ['halt/0', (p: P) => halt(p, 0)],
  ['halt/1', (p: P, s: Term) => halt(p, s)],
  ['halt/2', halt],
];

/** Every BIF of this file, keyed `"name/arity"`. */
export const processBifs: [string, ErlFn][] = [
  ...spawnBifs,
  ...signalBifs,
  ...infoBifs,
  ...dictBifs,
  ...systemBifs,
  ...timerBifs,
];
