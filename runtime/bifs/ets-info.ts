/**
 * `ets:info/1,2`: the items BEAM reports, in OTP 25's order for info/1.
 *
 * `memory` is an estimate in words (a fixed table overhead plus the flat size
 * of every object); BEAM's number depends on its allocators and differs.
 */
import type { Process } from '../process/process.js';
import { BitString, Cons, isMap, list, type ErlMapLike, type Term } from '../terms/types.js';
import { badarg } from './erlang-args.js';
import { findTable, type EtsTable } from './ets-tables.js';
import { Ref } from '../terms/types.js';

const INFO_ORDER = [
  'id', 'decentralized_counters', 'read_concurrency', 'write_concurrency', 'compressed', 'memory',
  'owner', 'heir', 'name', 'size', 'node', 'named_table', 'type', 'keypos', 'protection',
] as const;

const bool = (b: boolean): Term => (b ? 'true' : 'false');

/** Words a term takes on a 64-bit heap (close to erts_size_object). */
function words(t: Term): number {
  if (Array.isArray(t)) {
    let n = 1 + t.length;
    for (const e of t) n += words(e);
    return n;
  }
  if (t instanceof Cons) return 2 + words(t.hd) + words(t.tl);
  if (t instanceof BitString) return t.byteSize <= 64 ? 2 + Math.ceil(t.byteSize / 8) : 6;
  if (isMap(t)) {
    let n = 3;
    for (const [k, v] of (t as ErlMapLike).entries()) n += 2 + words(k) + words(v);
    return n;
  }
  if (typeof t === 'bigint') return 1 + Math.ceil(t.toString(16).length / 16);
  if (typeof t === 'object' && t !== null && 'value' in t) return 2; // float
  return 0;
}

function memory(tab: EtsTable): number {
  const base = tab.type === 'ordered_set' ? 150 : 300;
  let n = base;
  for (const objs of tab.store.entries()) for (const o of objs) n += 4 + words(o);
  return n;
}

function item(p: Process, tab: EtsTable, what: Term): Term | undefined {
  switch (what) {
    case 'id': return tab.id;
    case 'name': return tab.name;
    case 'type': return tab.type;
    case 'size': return tab.store.size;
    case 'owner': return tab.owner;
    case 'heir': return tab.heir;
    case 'protection': return tab.protection;
    case 'keypos': return tab.keypos;
    case 'named_table': return bool(tab.named);
    case 'memory': return memory(tab);
    case 'node': return p.rt.node;
    case 'compressed': return bool(tab.flags.compressed);
    case 'read_concurrency': return bool(tab.flags.read);
    case 'write_concurrency': return tab.flags.write;
    case 'decentralized_counters': return bool(tab.flags.decentralized);
    case 'fixed': return bool(tab.fixes.size > 0);
    case 'safe_fixed':
    case 'safe_fixed_monotonic_time': {
      if (tab.fixes.size === 0 || tab.fixedAt === undefined) return 'false';
      const who = list([...tab.fixes.values()].map((f) => [f.pid, f.count]));
      if (what === 'safe_fixed_monotonic_time') return [tab.fixedAt[1], who];
      // erlang:timestamp() form {MegaSecs, Secs, MicroSecs}
      const us = tab.fixedAt[0] * 1000;
      return [[Math.floor(us / 1e12), Math.floor(us / 1e6) % 1e6, us % 1e6], who];
    }
    case 'stats': return badarg();
    default: return undefined;
  }
}

export function info1(p: Process, t: Term): Term {
  if (typeof t !== 'string' && !(t instanceof Ref)) return badarg();
  const tab = findTable(p.rt, t);
  if (tab === undefined) return 'undefined';
  return list(INFO_ORDER.map((k) => [k, item(p, tab, k)!]));
}

export function info2(p: Process, t: Term, what: Term): Term {
  if (typeof t !== 'string' && !(t instanceof Ref)) return badarg();
  const tab = findTable(p.rt, t);
  if (tab === undefined) return 'undefined';
  return item(p, tab, what) ?? badarg();
}
