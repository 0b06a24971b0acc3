/**
 * Monitors and aliases (OTP 25 semantics, checked against erl):
 *
 * - monitor(process, Pid | Name | {Name, Node}) returns a ref; when the target
 *   exits (or does not exist: reason `noproc`) the caller gets
 *   `{'DOWN', Ref, process, Item, Reason}` where Item is the pid, or
 *   `{Name, Node}` for a monitor by name. Monitoring oneself creates nothing.
 * - Options (monitor/3): `{alias, explicit_unalias | demonitor |
 *   reply_demonitor}` makes the ref an alias too; `{tag, T}` replaces `'DOWN'`.
 * - demonitor(Ref, Opts): `flush` removes one `{_, Ref, _, _, _}` message;
 *   `info` makes the result say whether the monitor was still there.
 * - An alias is a ref that can be sent to (gen:call replies go to one).
 */
import { badarg } from './errors.js';
import { properList } from './modules.js';
import type { Process } from './process.js';
import type { Runtime } from './runtime.js';
import { refKey, type RefKey } from './refs.js';
import { deliver, dropMonitor } from './signals.js';
import { portOf } from './ports.js';
import { Monitor, type AliasMode } from './types.js';
import { NIL, Pid, Port, Ref, type Atom, type Term } from '../terms/types.js';

interface MonitorOpts {
  alias: AliasMode | undefined;
  tag: Term;
}

function monitorOpts(opts: Term): MonitorOpts {
  const items = properList(opts) ?? badarg();
  const out: MonitorOpts = { alias: undefined, tag: 'DOWN' };
  for (const o of items) {
    if (!Array.isArray(o) || o.length !== 2) return badarg();
    if (o[0] === 'alias') {
      const m = o[1];
      if (m !== 'explicit_unalias' && m !== 'demonitor' && m !== 'reply_demonitor') return badarg();
      out.alias = m;
    } else if (o[0] === 'tag') out.tag = o[1]!;
    else return badarg();
  }
  return out;
}

function addAlias(rt: Runtime, p: Process, ref: Ref, mode: AliasMode): void {
  const key = refKey(ref);
  rt.aliases.set(key, { owner: p.pid, mode });
  (p.aliases ??= new Set()).add(key);
}

function removeAlias(rt: Runtime, p: Process, key: RefKey): boolean {
  const a = rt.aliases.get(key);
  if (a === undefined || a.owner !== p.pid) return false;
  rt.aliases.delete(key);
  p.aliases?.delete(key);
  return true;
}

/** erlang:monitor/2,3. */
export function monitor(rt: Runtime, p: Process, type: Term, item: Term, opts: Term = NIL): Term {
  const o = monitorOpts(opts);
  if (type === 'process') return monitorProcess(rt, p, item, o);
  if (type === 'port') {
    if (!(item instanceof Port) && typeof item !== 'string') return badarg();
    const ref = rt.refs.make();
    if (o.alias !== undefined) addAlias(rt, p, ref, o.alias);
    const e = portOf(rt, item);
    if (e === undefined) {
      if (o.alias === 'demonitor' || o.alias === 'reply_demonitor') removeAlias(rt, p, refKey(ref));
      const what = typeof item === 'string' ? [item, rt.node] : item;
      deliver(rt, p, [o.tag, ref, 'port', what, 'noproc']);
      return ref;
    }
    const key = refKey(ref);
    const m = new Monitor(ref, key, p.pid, e.port, undefined, o.tag, o.alias);
    (p.monitors ??= new Map()).set(key, m);
    e.monitoredBy.set(key, m);
    return ref;
  }
  if (type === 'time_offset') {
    if (item !== 'clock_service') return badarg();
    return rt.refs.make(); // the offset never changes here
  }
  return badarg();
}

function monitorProcess(rt: Runtime, p: Process, item: Term, o: MonitorOpts): Term {
  let pid: Pid | undefined;
  let name: Atom | undefined;
  let remote = false;
  if (item instanceof Pid) {
    pid = item;
    remote = item.node !== rt.node;
  } else if (typeof item === 'string') name = item;
  else if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string') {
    name = item[0];
    remote = item[1] !== rt.node;
  } else return badarg();
  const ref = rt.refs.make();
  if (o.alias !== undefined) addAlias(rt, p, ref, o.alias);
  const what: Term = name !== undefined ? [name, remote ? (item as Term[])[1]! : rt.node] : pid!;
  const target = remote ? undefined : name !== undefined ? rt.names.get(name) : rt.processOf(pid!);
  if (target === p) return ref;
  if (target === undefined) {
    if (o.alias === 'demonitor' || o.alias === 'reply_demonitor') removeAlias(rt, p, refKey(ref));
    deliver(rt, p, [o.tag, ref, 'process', what, remote ? 'noconnection' : 'noproc']);
    return ref;
  }
  const key = refKey(ref);
  const m = new Monitor(ref, key, p.pid, target.pid, name, o.tag, o.alias);
  (p.monitors ??= new Map()).set(key, m);
  (target.monitoredBy ??= new Map()).set(key, m);
  return ref;
}

/** erlang:demonitor/1,2. */
export function demonitor(rt: Runtime, p: Process, ref: Term, opts: Term = NIL): Term {
  if (!(ref instanceof Ref)) return badarg();
  const items = properList(opts) ?? badarg();
  let flush = false;
  let info = false;
  for (const o of items) {
    if (o === 'flush') flush = true;
    else if (o === 'info') info = true;
    else return badarg();
  }
  const key = refKey(ref);
  const m = p.monitors?.get(key);
  const found = dropMonitor(rt, p, key);
  if (m !== undefined && (m.alias === 'demonitor' || m.alias === 'reply_demonitor')) removeAlias(rt, p, key);
  if (flush) {
    p.removeFirstWhere(
      (msg) => Array.isArray(msg) && msg.length === 5 && msg[1] instanceof Ref && refKey(msg[1]) === key,
    );
  }
  return info ? (found ? 'true' : 'false') : 'true';
}

/** The monitors held on a monitor's target (a process or a port), if it is still there. */
export const monitoredByOf = (rt: Runtime, target: Pid | Port): Map<RefKey, Monitor> | undefined =>
  target instanceof Port ? rt.ports.get(target.id)?.monitoredBy : rt.procs.get(target.id)?.monitoredBy;

/** Deliver DOWN for every monitor on the exiting `p`, and drop the ones it held. */
export function monitorsOnExit(rt: Runtime, p: Process, reason: Term): void {
  if (p.monitors !== undefined) {
    for (const m of p.monitors.values()) monitoredByOf(rt, m.target)?.delete(m.key);
    p.monitors = undefined;
  }
  if (p.monitoredBy === undefined) return;
  const by = p.monitoredBy;
  p.monitoredBy = undefined;
  for (const m of by.values()) {
    const origin = rt.procs.get(m.origin.id);
    if (origin === undefined || origin.pid !== m.origin) continue;
    origin.monitors?.delete(m.key);
    if (m.alias === 'demonitor' || m.alias === 'reply_demonitor') removeAlias(rt, origin, m.key);
    const what: Term = m.name !== undefined ? [m.name, rt.node] : m.target;
    deliver(rt, origin, [m.tag, m.ref, 'process', what, reason]);
  }
}

/** erlang:alias/0,1: options `[]`, `[explicit_unalias]` or `[reply]`. */
export function alias(rt: Runtime, p: Process, opts: Term = NIL): Term {
  const items = properList(opts) ?? badarg();
  let mode: AliasMode = 'explicit_unalias';
  for (const o of items) {
    if (o === 'explicit_unalias') mode = 'explicit_unalias';
    else if (o === 'reply') mode = 'reply';
    else return badarg();
  }
  const ref = rt.refs.make();
  addAlias(rt, p, ref, mode);
  return ref;
}

/** erlang:unalias/1. */
export function unalias(rt: Runtime, p: Process, ref: Term): Term {
  if (!(ref instanceof Ref)) return badarg();
  return removeAlias(rt, p, refKey(ref)) ? 'true' : 'false';
}

/** `[{process, Pid | {Name, Node}}]` for process_info(P, monitors). */
export function monitorsInfo(rt: Runtime, p: Process): Term[] {
  const out: Term[] = [];
  for (const m of p.monitors?.values() ?? []) {
    out.push([m.target instanceof Port ? 'port' : 'process', m.name !== undefined ? [m.name, rt.node] : m.target]);
  }
  return out;
}

/** The pids monitoring `p`, for process_info(P, monitored_by). */
export function monitoredByInfo(p: Process): Term[] {
  return [...(p.monitoredBy?.values() ?? [])].map((m) => m.origin);
}
