/**
 * select/match family of ETS: select/1,2,3, select_reverse/1,2,3, match/1,2,3,
 * match_object/1,2,3 (as selects with `['$$']` / `['$_']` bodies),
 * select_count/2, select_delete/2, select_replace/2, and continuations.
 *
 * Continuations have BEAM's shapes (ets:repair_continuation/2 checks them):
 * ordered_set `{Tid, LastKey, [], Limit, MSRef, [], Reverse, 0}` (a chunk
 * that reaches the end comes as `{Matches, '$end_of_table'}`; a full chunk
 * always has a continuation); hash tables are in ./ets-hash-select.ts. Tid is
 * the table's reference even for named tables, as on BEAM.
 */
import type { Process } from '../process/process.js';
import { NIL, list, type Term } from '../terms/types.js';
import { badarg } from './erlang-args.js';
import { table, type EtsTable } from './ets-tables.js';
import { compare, equals, exactEquals } from '../terms/compare.js';
import { MatchSpecRef, tryCompile, type CompiledMatchSpec } from './match-spec.js';
import { LinearHashStore } from './ets-hash.js';
import { hashChunk, hashContinue, hashSelectAll, newMatchList } from './ets-hash-select.js';

const EOT = '$end_of_table';

export function compiled(spec: Term): CompiledMatchSpec {
  return tryCompile(spec, true) ?? badarg();
}

/** The objects a select must look at, in table (or reverse) order. */
function* candidates(tab: EtsTable, ms: CompiledMatchSpec, after: Term | undefined, reverse: boolean): IterableIterator<readonly Term[]> {
  const keys = after === undefined ? ms.boundKeys(tab.keypos) : undefined;
  if (keys === undefined) {
    yield* tab.store.entries(after, reverse);
    return;
  }
  const sorted = tab.type === 'ordered_set';
  const same = sorted ? equals : exactEquals;
  if (sorted) keys.sort(reverse ? (a, b) => compare(b, a) : compare);
  const seen: Term[] = [];
  for (const k of keys) {
    if (seen.some((s) => same(s, k))) continue;
    seen.push(k);
    const objs = tab.store.get(k);
    if (objs.length > 0) yield objs;
  }
}

/** Every result of `ms` over the table, in order. */
export function selectAll(p: Process, tab: EtsTable, ms: CompiledMatchSpec, reverse = false): Term[] {
  const out: Term[] = [];
  const node = p.rt.node;
  for (const objs of candidates(tab, ms, undefined, reverse)) {
    for (const o of objs) {
      const r = ms.run(o, p.pid, node);
      if (r !== undefined) out.push(r);
    }
  }
  return out;
}

export function select(p: Process, t: Term, spec: Term, reverse = false): Term {
  const tab = table(p, t, 'read');
  if (tab.store instanceof LinearHashStore) return hashSelectAll(p, tab, tab.store, compiled(spec));
  return list(selectAll(p, tab, compiled(spec), reverse && tab.type === 'ordered_set'));
}

/** select/3, select_reverse/3 (and match/3, match_object/3 through them). */
export function selectLimit(p: Process, t: Term, spec: Term, limit: Term, reverse = false): Term {
  const tab = table(p, t, 'read');
  if (typeof limit !== 'number' || limit <= 0) return badarg();
  const ms = compiled(spec);
  const ref = p.rt.refs.make();
  if (tab.store instanceof LinearHashStore) {
    return hashChunk(p, tab, tab.store, new MatchSpecRef(ref.ids, ms), limit, 0, newMatchList(), true);
  }
  return chunk(p, tab, new MatchSpecRef(ref.ids, ms), limit, undefined, reverse && tab.type === 'ordered_set');
}

function chunk(p: Process, tab: EtsTable, msRef: MatchSpecRef, limit: number, after: Term | undefined, reverse: boolean): Term {
  const out: Term[] = [];
  const node = p.rt.node;
  let lastKey: Term | undefined;
  let full = false;
  outer: for (const objs of candidates(tab, msRef.ms, after, reverse)) {
    lastKey = tab.keyOf(objs[0]!);
    for (const o of objs) {
      const r = msRef.ms.run(o, p.pid, node);
      if (r !== undefined) out.push(r);
    }
    if (out.length >= limit) {
      full = true;
      break outer;
    }
  }
  if (out.length === 0) return EOT;
  if (!full && tab.type === 'ordered_set') return [list(out), EOT];
  if (tab.type === 'ordered_set') {
    return [list(out), [tab.id, lastKey!, NIL, limit, msRef, NIL, reverse ? 1 : 0, 0]];
  }
  return badarg(); // hash tables go through ets-hash-select.ts
}

/** select/1 on a continuation (also match/1, match_object/1, select_reverse/1). */
export function selectContinue(p: Process, cont: Term): Term {
  if (cont === EOT) return EOT;
  if (!Array.isArray(cont)) return badarg();
  if (cont.length === 8) {
    const [t, lastKey, , limit, msRef, , rev] = cont;
    if (!(msRef instanceof MatchSpecRef) || typeof limit !== 'number' || limit <= 0) return badarg();
    const tab = table(p, t!, 'read');
    return chunk(p, tab, msRef, limit, lastKey, rev === 1);
  }
  if (cont.length === 6) {
    const [t, , , msRef] = cont;
    if (!(msRef instanceof MatchSpecRef)) return badarg();
    const tab = table(p, t!, 'read');
    if (!(tab.store instanceof LinearHashStore)) return badarg();
    return hashContinue(p, tab, tab.store, cont);
  }
  return badarg();
}

/** Objects (with their results) that `ms` selects, collected before any change. */
function matching(p: Process, tab: EtsTable, ms: CompiledMatchSpec): [Term, Term][] {
  const hits: [Term, Term][] = [];
  const node = p.rt.node;
  for (const objs of candidates(tab, ms, undefined, false)) {
    for (const o of objs) {
      const r = ms.run(o, p.pid, node);
      if (r !== undefined) hits.push([o, r]);
    }
  }
  return hits;
}

export function selectCount(p: Process, t: Term, spec: Term): Term {
  const tab = table(p, t, 'read');
  return matching(p, tab, compiled(spec)).filter(([, r]) => r === 'true').length;
}

export function selectDelete(p: Process, t: Term, spec: Term): Term {
  const tab = table(p, t, 'write');
  const hits = matching(p, tab, compiled(spec)).filter(([, r]) => r === 'true');
  const store = tab.store;
  if (store instanceof LinearHashStore) store.deferShrink = true;
  try {
    for (const [o] of hits) store.removeObject(tab.keyOf(o), o);
  } finally {
    if (store instanceof LinearHashStore) {
      store.deferShrink = false;
      if (hits.length > 0) store.tryShrink();
    }
  }
  return hits.length;
}

/** Remove every object (ets:internal_delete_all/2); the count removed. */
export function deleteAll(p: Process, t: Term): Term {
  const tab = table(p, t, 'write');
  const n = tab.store.size;
  tab.store.clear();
  return n;
}

export { selectReplace } from './ets-replace.js';
