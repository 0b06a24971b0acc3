/**
 * The spawn family: spawn/1-4, spawn_link/1-4, spawn_monitor/1-4 and
 * spawn_opt/2-5, with BEAM's argument checks.
 *
 * - spawn(Fun) requires a fun (any arity: a wrong arity makes the *child* exit
 *   with badarity); the child's initial call is `{erlang, apply, 2}`.
 * - spawn(M, F, Args) requires atoms and a proper list; a missing function
 *   makes the child exit with undef. Initial call `{M, F, length(Args)}`.
 * - The node forms accept this node; another node (no distribution here) gives
 *   a pid that exits at once with reason noconnection.
 */
import { ErlangError, Frame } from './protocol.js';
import { badarg } from './errors.js';
import { properList } from './modules.js';
import { monitor } from './monitors.js';
import type { Process } from './process.js';
import { startApply, startFun } from './entry.js';
import { isFun, NIL, type Atom, type Term } from '../terms/types.js';

export interface SpawnFlags {
  link: boolean;
  monitor: boolean;
  monitorOpts: Term;
  priority: Atom | undefined;
  flags: [Atom, Term][];
}

const PRIORITIES = new Set(['low', 'normal', 'high', 'max']);

const nonNegInt = (t: Term): boolean => typeof t === 'number' && Number.isInteger(t) && t >= 0;

/** Parse spawn_opt options; badarg for anything BEAM rejects. */
export function spawnOptions(opts: Term): SpawnFlags {
  const items = properList(opts) ?? badarg();
  const out: SpawnFlags = { link: false, monitor: false, monitorOpts: NIL, priority: undefined, flags: [] };
  for (const o of items) {
    if (o === 'link') out.link = true;
    else if (o === 'monitor') out.monitor = true;
    else if (Array.isArray(o) && o.length === 2 && typeof o[0] === 'string') {
      const [k, v] = o as [Atom, Term];
      if (!spawnOption(out, k, v)) return badarg();
    } else return badarg();
  }
  return out;
}

function spawnOption(out: SpawnFlags, k: Atom, v: Term): boolean {
  switch (k) {
    case 'monitor':
      if (properList(v) === undefined) return false;
      out.monitor = true;
      out.monitorOpts = v;
      return true;
    case 'priority':
      if (!PRIORITIES.has(v as string)) return false;
      out.priority = v as Atom;
      return true;
    case 'fullsweep_after':
    case 'min_heap_size':
    case 'min_bin_vheap_size':
      if (!nonNegInt(v)) return false;
      out.flags.push([k, v]);
      return true;
    case 'max_heap_size':
      if (!nonNegInt(v) && !(typeof v === 'object' && v !== null && 'isErlMap' in v)) return false;
      out.flags.push([k, v]);
      return true;
    case 'message_queue_data':
      if (v !== 'off_heap' && v !== 'on_heap') return false;
      out.flags.push([k, v]);
      return true;
    case 'async_dist':
      if (v !== 'true' && v !== 'false') return false;
      return true;
    default:
      return false;
  }
}

const NO_FLAGS: SpawnFlags = { link: false, monitor: false, monitorOpts: NIL, priority: undefined, flags: [] };
export const LINK: SpawnFlags = { ...NO_FLAGS, link: true };
export const MONITOR: SpawnFlags = { ...NO_FLAGS, monitor: true };
export const PLAIN: SpawnFlags = NO_FLAGS;

/** The entry frame of a process started on a node we cannot reach. */
const startUnreachable = (): never => {
  throw new ErlangError('exit', 'noconnection');
};

function start(p: Process, frame: Frame, initialCall: Term, f: SpawnFlags): Term {
  const child = p.rt.newProcess([frame], {
    parent: p,
    link: f.link,
    initialCall,
    priority: f.priority,
  });
  if (f.flags.length > 0) child.flags = new Map(f.flags);
  if (!f.monitor) return child.pid;
  return [child.pid, monitor(p.rt, p, 'process', child.pid, f.monitorOpts)];
}

/** The initial call BEAM reports for spawn(Fun). */
const APPLY_2: Term = Object.freeze(['erlang', 'apply', 2]) as Term;

function checkNode(p: Process, node: Term): boolean {
  if (typeof node !== 'string') return badarg();
  return node === p.rt.node;
}

/** spawn*(Fun) with the given flags. */
export function spawnFun(p: Process, fun: Term, f: SpawnFlags): Term {
  if (!isFun(fun)) return badarg();
  return start(p, new Frame(startFun, 0, [fun]), APPLY_2, f);
}

/** spawn*(M, F, Args) with the given flags. */
export function spawnMFA(p: Process, m: Term, fn: Term, args: Term, f: SpawnFlags): Term {
  const a = properList(args);
  if (typeof m !== 'string' || typeof fn !== 'string' || a === undefined) return badarg();
  return start(p, new Frame(startApply, 0, [m, fn, a]), [m, fn, a.length], f);
}

/** spawn*(Node, Fun). */
export function spawnNodeFun(p: Process, node: Term, fun: Term, f: SpawnFlags): Term {
  if (checkNode(p, node)) return spawnFun(p, fun, f);
  if (!isFun(fun)) return badarg();
  return start(p, new Frame(startUnreachable, 0, []), APPLY_2, f);
}

/** spawn*(Node, M, F, Args). */
export function spawnNodeMFA(p: Process, node: Term, m: Term, fn: Term, args: Term, f: SpawnFlags): Term {
  if (checkNode(p, node)) return spawnMFA(p, m, fn, args, f);
  if (typeof m !== 'string' || typeof fn !== 'string' || properList(args) === undefined) return badarg();
  return start(p, new Frame(startUnreachable, 0, []), [m, fn, 0], f);
}
