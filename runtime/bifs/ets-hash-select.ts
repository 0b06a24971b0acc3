/**
 * select/match on set, bag and duplicate_bag tables, walking the buckets as
 * BEAM's match_traverse does (OTP 25 erl_db_hash.c), so results come in
 * BEAM's order:
 *
 * - matches are consed as they are found, so a select returns them in the
 *   reverse of the iteration order (select_reverse is the same as select);
 * - when the match spec binds the key, only the buckets of those keys are
 *   walked;
 * - select/3 checks the chunk size only between buckets: a chunk may find
 *   more than Limit matches; the extra ones (the latest found) travel in the
 *   continuation `{Tid, NextSlot, Limit, MSRef, Rest, RestCount}`, NextSlot
 *   being -1 at the end of the table. The last chunk comes as
 *   `{Matches, '$end_of_table'}`.
 */
import type { Process } from '../process/process.js';
import { list, type Term } from '../terms/types.js';
import { badarg, listToArray } from './erlang-args.js';
import type { LinearHashStore } from './ets-hash.js';
import type { EtsTable } from './ets-tables.js';
import type { CompiledMatchSpec, MatchSpecRef } from './match-spec.js';

const EOT = '$end_of_table';

/** The bucket numbers a spec with bound keys needs (in clause order, no repeats). */
function keyBuckets(store: LinearHashStore, keys: Term[]): number[] {
  const out: number[] = [];
  for (const k of keys) {
    const ix = store.bucketOf(k);
    if (!out.includes(ix)) out.push(ix);
  }
  return out;
}

/** Run `ms` over bucket `ix`, pushing matches on `acc`; the number of objects visited. */
function runBucket(p: Process, store: LinearHashStore, ix: number, ms: CompiledMatchSpec, acc: Term[]): number {
  const node = p.rt.node;
  const objs = store.bucket(ix);
  for (const o of objs) {
    const r = ms.run(o, p.pid, node);
    if (r !== undefined) acc.push(r);
  }
  return objs.length;
}

/** Every match, in the order ets:select/2 returns them. */
export function hashSelectAll(p: Process, tab: EtsTable, store: LinearHashStore, ms: CompiledMatchSpec): Term {
  const acc: Term[] = [];
  const keys = ms.boundKeys(tab.keypos);
  if (keys !== undefined) {
    for (const ix of keyBuckets(store, keys)) runBucket(p, store, ix, ms, acc);
  } else {
    let ix = 0;
    do {
      runBucket(p, store, ix, ms, acc);
      ix = store.nextSlot(ix);
    } while (ix !== 0);
  }
  return list(acc.reverse());
}

/** Objects a select visits before BEAM traps and resumes (MAX_SELECT_CHUNK_ITERATIONS). */
const ITERATIONS = 1000;

/** BEAM's match list: `found` (in the order found) consed in front of `init` (head first). */
class MatchList {
  readonly found: Term[] = [];
  constructor(readonly init: Term[]) {}
  get length(): number {
    return this.found.length + this.init.length;
  }
  /** The list, head first. */
  toArray(): Term[] {
    return [...this.found].reverse().concat(this.init);
  }
}

/**
 * One chunk of select/3 (`first`) or select/1: walk from `slot` (-1: nothing
 * left to walk) with `ml` the matches found so far. How BEAM splits off the
 * extra matches differs between a first call that never trapped (the rest
 * keeps list order) and a continued one (the rest is reversed); both are
 * reproduced.
 */
export function hashChunk(
  p: Process,
  tab: EtsTable,
  store: LinearHashStore,
  msRef: MatchSpecRef,
  limit: number,
  slot: number,
  ml: MatchList,
  first: boolean,
): Term {
  const ms = msRef.ms;
  let visited = 0;
  let continued = !first;
  const keys = first ? ms.boundKeys(tab.keypos) : undefined;
  if (keys !== undefined) {
    for (const ix of keyBuckets(store, keys)) visited += runBucket(p, store, ix, ms, ml.found);
    slot = -1;
  } else if (slot >= 0 && ml.length < limit) {
    if (slot >= store.slots) return badarg();
    let budget = ITERATIONS;
    for (;;) {
      const n = runBucket(p, store, slot, ms, ml.found);
      visited += n;
      budget -= n;
      slot = store.nextSlot(slot);
      if (slot === 0) {
        slot = -1;
        break;
      }
      if (ml.length >= limit) break;
      if (budget <= 0) {
        continued = true; // BEAM traps here and finishes as a continuation
        budget = ITERATIONS;
      }
    }
  }
  if (first && !continued && visited === 0) return EOT;
  let list0 = ml.toArray();
  let rest: Term[] = [];
  if (list0.length > limit) {
    const extra = list0.length - limit;
    rest = list0.slice(0, extra);
    if (continued) rest.reverse();
    list0 = list0.slice(extra);
  }
  if (rest.length > 0 || slot >= 0) {
    return [list(list0), [tab.id, slot, limit, msRef, list(rest), rest.length]];
  }
  return list0.length > 0 ? [list(list0), EOT] : EOT;
}

/** select/1 on a hash-table continuation `{Tid, Slot, Limit, MSRef, Rest, RestCount}`. */
export function hashContinue(p: Process, tab: EtsTable, store: LinearHashStore, cont: Term[]): Term {
  const [, slot, limit, msRef, rest] = cont as [Term, Term, Term, MatchSpecRef, Term];
  if (typeof slot !== 'number' || typeof limit !== 'number' || limit < 0) return badarg();
  const pending = listToArray(rest) ?? badarg();
  return hashChunk(p, tab, store, msRef, limit, slot, new MatchList(pending), false);
}

export const newMatchList = (): MatchList => new MatchList([]);
