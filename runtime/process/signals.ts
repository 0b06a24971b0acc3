/**
 * Signals between processes: messages, exit signals, links, process exit, and
 * the name registry. BEAM's rules (checked against OTP 25):
 *
 * - Messages from one process to another arrive in send order. Delivery is
 *   immediate (one thread), so any pair of processes keeps its order.
 * - An exit signal with reason `kill` sent by exit/2 cannot be trapped: the
 *   target dies with reason `killed`. Through a link, `kill` is an ordinary
 *   reason (a process that called exit(kill) kills its non-trapping links
 *   with reason `kill`; trapping ones get {'EXIT', P, kill}).
 * - A trapping process turns every other exit signal into {'EXIT', From, Reason}.
 * - A non-trapping process ignores reason `normal`, except exit(self(), normal),
 *   which ends it with reason normal; any other reason ends it.
 * - link/1 to a process that does not exist raises error:noproc when the caller
 *   does not trap exits, and delivers {'EXIT', Pid, noproc} when it does.
 * - A process that is exiting is no longer alive for is_process_alive/1, send,
 *   link or monitor.
 *
 * Exits cascade through a work queue, never by recursion, so a chain of
 * 100,000 linked processes costs no JS stack.
 */
import { ErlangError } from './protocol.js';
import { badarg } from './errors.js';
import { monitoredByOf, monitorsOnExit } from './monitors.js';
import { linkPort, portExitSignal, portIdOfLinkKey, portLinkKey, portOf, sendToPort, unlinkPort } from './ports.js';
import type { Process } from './process.js';
import type { Runtime } from './runtime.js';
import { refKey, type RefKey } from './refs.js';
import { Pid, Port, Ref, type Atom, type Term } from '../terms/types.js';

export const samePid = (a: Pid, b: Pid): boolean =>
  a === b || (a.id === b.id && a.serial === b.serial && a.node === b.node && a.creation === b.creation);

/** Put `msg` in `p`'s mailbox and wake it if it waits for messages. */
export function deliver(rt: Runtime, p: Process, msg: Term): void {
  if (p.status === 'exiting' || p.status === 'exited') return;
  p.enqueue(msg);
  if (p.status === 'waiting' && p.waitKind !== 'external') rt.makeRunnable(p);
}

/**
 * `Dest ! Msg`. Dest is a pid (a dead or remote one drops the message), a
 * registered name (badarg when unregistered), `{Name, Node}` (dropped when not
 * registered: BEAM does not raise for this form), or an alias reference.
 */
export function send(rt: Runtime, dest: Term, msg: Term): void {
  if (dest instanceof Pid) {
    const p = rt.processOf(dest);
    if (p !== undefined) deliver(rt, p, msg);
    return;
  }
  if (typeof dest === 'string') {
    const p = rt.names.get(dest);
    if (p === undefined) badarg();
    deliver(rt, p, msg);
    return;
  }
  if (Array.isArray(dest) && dest.length === 2 && typeof dest[0] === 'string' && typeof dest[1] === 'string') {
    if (dest[1] !== rt.node) return; // no distribution: as if the connection failed
    const p = rt.names.get(dest[0]);
    if (p !== undefined) deliver(rt, p, msg);
    return;
  }
  if (dest instanceof Ref) {
    sendToAlias(rt, dest, msg);
    return;
  }
  if (dest instanceof Port) return sendToPort(rt, dest, msg);
  badarg();
}

function sendToAlias(rt: Runtime, ref: Ref, msg: Term): void {
  const key = refKey(ref);
  const a = rt.aliases.get(key);
  if (a === undefined) return;
  const p = rt.processOf(a.owner);
  if (p === undefined) return;
  if (a.mode === 'reply' || a.mode === 'reply_demonitor') {
    rt.aliases.delete(key);
    p.aliases?.delete(key);
    if (a.mode === 'reply_demonitor') dropMonitor(rt, p, key);
  }
  deliver(rt, p, msg);
}

/** Remove the monitor `key` that `p` holds, from both ends; returns it if found. */
export function dropMonitor(rt: Runtime, p: Process, key: RefKey): boolean {
  const m = p.monitors?.get(key);
  if (m === undefined) return false;
  p.monitors!.delete(key);
  monitoredByOf(rt, m.target)?.delete(key);
  return true;
}

/**
 * An exit signal from `from` arrives at `to` (`viaLink`: sent because a linked
 * process exited, rather than by exit/2).
 */
export function exitSignal(rt: Runtime, to: Process, from: Pid | Port, reason: Term, viaLink: boolean): void {
  if (!to.isAlive) return;
  if (!viaLink && reason === 'kill') return scheduleExit(rt, to, 'killed');
  if (to.trapExit) return deliver(rt, to, ['EXIT', from, reason]);
  if (reason === 'normal') {
    if (!viaLink && from instanceof Pid && samePid(from, to.pid)) scheduleExit(rt, to, 'normal');
    return;
  }
  scheduleExit(rt, to, reason);
}

/**
 * Make `p` exit with `reason`. The running process only gets marked: its JS
 * frames are live, so the scheduler finishes the exit when its code returns
 * (BIFs that can kill their caller return SUSPEND when it is marked).
 */
export function scheduleExit(rt: Runtime, p: Process, reason: Term): void {
  if (!p.isAlive) return;
  p.status = 'exiting';
  p.exitReason = reason;
  if (rt.current === p) return;
  rt.exitQueue.push(p);
  drainExits(rt);
}

/** Finish every queued exit, including the ones they cause. */
export function drainExits(rt: Runtime): void {
  if (rt.drainingExits) return;
  rt.drainingExits = true;
  try {
    const q = rt.exitQueue;
    for (let i = 0; i < q.length; i++) finishExit(rt, q[i]!);
    // (`length = 0` is a runtime call even on an empty array: pop instead)
    while (q.length > 0) q.pop();
  } finally {
    rt.drainingExits = false;
  }
}

/** Tear an exiting process down and send its links and monitors the news. */
function finishExit(rt: Runtime, p: Process): void {
  if (p.status === 'exited') return;
  const reason = p.exitReason ?? 'normal';
  p.status = 'exited';
  p.waitKind = 'none';
  rt.procs.delete(p.pid.id);
  if (p.name !== undefined && rt.names.get(p.name) === p) rt.names.delete(p.name);
  if (p.recvTimer !== undefined) rt.cancelTimer(p.recvTimer);
  p.recvTimer = undefined;
  if (p.destTimers !== undefined) for (const t of p.destTimers) rt.cancelTimer(t);
  p.destTimers = undefined;
  for (const k of p.ownedAliases()) rt.aliases.delete(k);
  p.aliases = undefined;
  p.clearMailbox();
  if (p.stack.length > 0) p.stack.length = 0;
  p.tailFn = undefined;
  if (p.links !== undefined) {
    const links = p.links;
    p.links = undefined;
    for (const [id, pid] of links) {
      if (id < 0) {
        const e = rt.ports.get(portIdOfLinkKey(id));
        if (e === undefined) continue;
        e.links.delete(p.pid.id);
        portExitSignal(rt, e, p.pid, reason, true);
        continue;
      }
      const q = rt.procs.get(id);
      if (q === undefined || !samePid(q.pid, pid)) continue;
      q.links?.delete(p.pid.id);
      exitSignal(rt, q, p.pid, reason, true);
    }
  }
  monitorsOnExit(rt, p, reason);
  rt.notifyExit(p, reason);
}

// ---- links ----

/** link/1. */
export function link(rt: Runtime, p: Process, target: Term): Term {
  if (!(target instanceof Pid)) {
    if (!(target instanceof Port)) return badarg();
    const e = portOf(rt, target);
    if (e === undefined) return linkToDead(rt, p, target);
    linkPort(p, e);
    return 'true';
  }
  if (samePid(target, p.pid)) return 'true';
  const q = rt.processOf(target);
  if (q === undefined) return linkToDead(rt, p, target);
  (p.links ??= new Map()).set(q.pid.id, q.pid);
  (q.links ??= new Map()).set(p.pid.id, p.pid);
  return 'true';
}

function linkToDead(rt: Runtime, p: Process, target: Pid | Port): Term {
  if (!p.trapExit) throw new ErlangError('error', 'noproc');
  deliver(rt, p, ['EXIT', target, 'noproc']);
  return 'true';
}

/** unlink/1. */
export function unlink(rt: Runtime, p: Process, target: Term): Term {
  if (target instanceof Pid) {
    const q = rt.processOf(target);
    p.links?.delete(target.id);
    if (q !== undefined) q.links?.delete(p.pid.id);
    return 'true';
  }
  if (target instanceof Port) {
    const e = portOf(rt, target);
    if (e !== undefined) unlinkPort(p, e);
    else p.links?.delete(portLinkKey(target.id));
    return 'true';
  }
  return badarg();
}

/** Link a freshly spawned process to its parent (spawn_link). */
export function linkNew(p: Process, child: Process): void {
  (p.links ??= new Map()).set(child.pid.id, child.pid);
  (child.links ??= new Map()).set(p.pid.id, p.pid);
}

// ---- name registry ----

/** register/2. */
export function register(rt: Runtime, name: Term, target: Term): Term {
  if (typeof name !== 'string' || name === 'undefined') return badarg();
  if (!(target instanceof Pid)) return badarg();
  const q = rt.processOf(target);
  if (q === undefined || q.name !== undefined || rt.names.has(name)) return badarg();
  rt.names.set(name, q);
  q.name = name;
  return 'true';
}

/** unregister/1. */
export function unregister(rt: Runtime, name: Term): Term {
  if (typeof name !== 'string') return badarg();
  const q = rt.names.get(name);
  if (q === undefined) return badarg();
  rt.names.delete(name);
  q.name = undefined;
  return 'true';
}

/** whereis/1. */
export function whereis(rt: Runtime, name: Term): Term {
  if (typeof name !== 'string') return badarg();
  return rt.names.get(name)?.pid ?? 'undefined';
}

export const registeredNames = (rt: Runtime): Atom[] => [...rt.names.keys()];
