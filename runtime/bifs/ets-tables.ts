/**
 * ETS tables of one runtime: creation options, the id and name registries,
 * access rights, ownership (owner death, heir, give_away) and fixation.
 *
 * State lives per Runtime (a WeakMap), never in module globals: tests create
 * many runtimes in one JS process.
 */
import { refKey, type RefKey } from '../process/refs.js';
import type { Process } from '../process/process.js';
import type { Runtime } from '../process/runtime.js';
import { send } from '../process/signals.js';
import { Pid, Ref, type Atom, type Term } from '../terms/types.js';
import { badarg, listToArray } from './erlang-args.js';
import { SortedStore, type Store, type TableType } from './ets-store.js';
import { LinearHashStore } from './ets-hash.js';

export type Protection = 'public' | 'protected' | 'private';

export class EtsTable {
  store: Store;
  heir: Pid | 'none' = 'none';
  heirData: Term = [];
  /** safe_fixtable counts by pid id. */
  readonly fixes = new Map<number, { pid: Pid; count: number }>();
  /** When the first fixation began: [wall-clock ms, monotonic ns] (info safe_fixed*). */
  fixedAt: [number, number] | undefined = undefined;
  deleted = false;

  constructor(
    readonly id: Ref,
    public name: Atom,
    readonly named: boolean,
    readonly type: TableType,
    readonly keypos: number,
    public protection: Protection,
    public owner: Pid,
    readonly flags: { read: boolean; write: Term; compressed: boolean; decentralized: boolean },
  ) {
    this.store = type === 'ordered_set' ? new SortedStore(keypos) : new LinearHashStore(type, flags.write !== 'false');
  }

  /** What other processes use to name this table: the name if named, else the ref. */
  get tid(): Term {
    return this.named ? this.name : this.id;
  }

  /** The key of an object to insert; badarg if it is not a tuple of size >= keypos. */
  keyOf(obj: Term): Term {
    if (!Array.isArray(obj) || obj.length < this.keypos) return badarg();
    return obj[this.keypos - 1]!;
  }
}

export class EtsState {
  readonly byId = new Map<RefKey, EtsTable>();
  readonly byName = new Map<Atom, EtsTable>();
  /** Pids whose exit we already watch (owners and fixers). */
  readonly watched = new Set<number>();
  constructor(readonly rt: Runtime) {}
}

const states = new WeakMap<Runtime, EtsState>();

export function etsState(rt: Runtime): EtsState {
  let s = states.get(rt);
  if (s === undefined) states.set(rt, (s = new EtsState(rt)));
  return s;
}

/** The table `t` names (a ref or the atom of a named table), or undefined. */
export function findTable(rt: Runtime, t: Term): EtsTable | undefined {
  const s = etsState(rt);
  if (typeof t === 'string') return s.byName.get(t);
  if (t instanceof Ref) return s.byId.get(refKey(t));
  return undefined;
}

export type Access = 'read' | 'write' | 'none';

/** The table for an operation by `p`; badarg if missing or not accessible. */
export function table(p: Process, t: Term, access: Access): EtsTable {
  const tab = findTable(p.rt, t);
  if (tab === undefined) return badarg();
  if (access === 'none' || tab.protection === 'public') return tab;
  const isOwner = tab.owner.id === p.pid.id;
  if (isOwner) return tab;
  if (access === 'read' && tab.protection === 'protected') return tab;
  return badarg();
}

const TYPES: ReadonlySet<string> = new Set(['set', 'ordered_set', 'bag', 'duplicate_bag']);
const PROTECTIONS: ReadonlySet<string> = new Set(['public', 'protected', 'private']);

/** `ets:new(Name, Options)`. */
export function newTable(p: Process, name: Term, options: Term): Term {
  if (typeof name !== 'string') return badarg();
  const opts = listToArray(options) ?? badarg();
  let type: TableType = 'set';
  let protection: Protection = 'protected';
  let keypos = 1;
  let named = false;
  let heir: Pid | 'none' = 'none';
  let heirData: Term = [];
  let explicitDecentralized = false;
  const flags = { read: false, write: 'false' as Term, compressed: false, decentralized: false };
  for (const o of opts) {
    if (typeof o === 'string') {
      if (TYPES.has(o)) type = o as TableType;
      else if (PROTECTIONS.has(o)) protection = o as Protection;
      else if (o === 'named_table') named = true;
      else if (o === 'compressed') flags.compressed = true;
      else return badarg();
      continue;
    }
    if (!Array.isArray(o)) return badarg();
    const [k, v] = o;
    if (o.length === 2 && k === 'keypos' && typeof v === 'number' && v >= 1) keypos = v;
    else if (o.length === 2 && k === 'heir' && v === 'none') heir = 'none';
    else if (o.length === 3 && k === 'heir' && v instanceof Pid) [heir, heirData] = [v, o[2]!];
    else if (o.length === 2 && k === 'read_concurrency' && isBool(v)) flags.read = v === 'true';
    else if (o.length === 2 && k === 'write_concurrency' && (isBool(v) || v === 'auto')) flags.write = v;
    else if (o.length === 2 && k === 'decentralized_counters' && isBool(v)) {
      flags.decentralized = v === 'true';
      explicitDecentralized = true;
    }
    else return badarg();
  }
  const s = etsState(p.rt);
  if (named && s.byName.has(name)) return badarg();
  if (!explicitDecentralized) flags.decentralized = type === 'ordered_set' && flags.write === 'true';
  const id = p.rt.refs.make();
  const tab = new EtsTable(id, name, named, type, keypos, protection, p.pid, flags);
  // A dead heir is kept but never inherits (BEAM checks at the owner's death).
  tab.heir = heir;
  tab.heirData = heirData;
  s.byId.set(refKey(id), tab);
  if (named) s.byName.set(name, tab);
  watchOwner(s, p.pid);
  return tab.tid;
}

const isBool = (v: Term | undefined): boolean => v === 'true' || v === 'false';

/** Make sure the owner's (or a fixer's) death is noticed once. */
export function watchOwner(s: EtsState, pid: Pid): void {
  if (s.watched.has(pid.id)) return;
  if (!s.rt.onExit(pid, () => ownerDied(s, pid))) return;
  s.watched.add(pid.id);
}

function ownerDied(s: EtsState, pid: Pid): void {
  s.watched.delete(pid.id);
  for (const tab of [...s.byId.values()]) {
    releaseFixes(tab, pid);
    if (tab.owner.id !== pid.id) continue;
    const heir = tab.heir;
    if (heir !== 'none' && heir.id !== pid.id && s.rt.processOf(heir) !== undefined) {
      // The heir stays set (to the new owner itself), as on BEAM.
      transfer(s, tab, heir, pid, tab.heirData);
    } else {
      dropTable(s, tab);
    }
  }
}

function releaseFixes(tab: EtsTable, pid: Pid): void {
  if (tab.fixes.delete(pid.id) && tab.fixes.size === 0) {
    tab.fixedAt = undefined;
    tab.store.setFixed(false);
  }
}

/** Hand `tab` to `to` and tell it with `{'ETS-TRANSFER', Tab, From, Data}`. */
export function transfer(s: EtsState, tab: EtsTable, to: Pid, from: Pid, data: Term): void {
  tab.owner = to;
  watchOwner(s, to);
  send(s.rt, to, ['ETS-TRANSFER', tab.tid, from, data]);
}

/** Remove a table from the registries (ets:delete/1, owner death). */
export function dropTable(s: EtsState, tab: EtsTable): void {
  tab.deleted = true;
  s.byId.delete(refKey(tab.id));
  if (tab.named && s.byName.get(tab.name) === tab) s.byName.delete(tab.name);
  tab.store.clear();
}

/** `ets:safe_fixtable(T, Bool)`. */
export function safeFixtable(p: Process, tab: EtsTable, on: boolean): void {
  const s = etsState(p.rt);
  const f = tab.fixes.get(p.pid.id);
  if (on) {
    if (tab.fixes.size === 0) {
      tab.fixedAt = fixTime();
      tab.store.setFixed(true);
    }
    if (f === undefined) tab.fixes.set(p.pid.id, { pid: p.pid, count: 1 });
    else f.count++;
    watchOwner(s, p.pid);
  } else if (f !== undefined) {
    if (--f.count === 0) releaseFixes(tab, p.pid);
  }
}

/** [wall-clock ms, monotonic ns]: what info safe_fixed / safe_fixed_monotonic_time report. */
function fixTime(): [number, number] {
  return [Date.now(), Math.floor(performance.now() * 1e6)];
}
