/**
 * Object operations of ETS: insert/insert_new, lookup/lookup_element/member,
 * take, delete/delete_object, update_counter, update_element, slot,
 * first/next/last/prev. Every change is validated completely before the table
 * is touched, so a badarg leaves the table as it was (inserts are atomic).
 */
import type { Process } from '../process/process.js';
import { isInteger, list, normInt, toBig, type Int, type Term } from '../terms/types.js';
import { badarg, listToArray } from './erlang-args.js';
import { NO_KEY, SortedStore } from './ets-store.js';
import { LinearHashStore } from './ets-hash.js';
import { table, type EtsTable } from './ets-tables.js';

const EOT = '$end_of_table';

/** The objects of an insert: one tuple or a proper list of them, all with a key. */
function objectsOf(tab: EtsTable, x: Term): Term[] {
  const objs = Array.isArray(x) ? [x] : listToArray(x) ?? badarg();
  for (const o of objs) tab.keyOf(o);
  return objs;
}

/**
 * The order BEAM puts a list in (OTP 25 erl_db.c ets_insert_2_list): a bag
 * list, or a list longer than 8 times the caller's reductions left, is first
 * copied into a list that reverses it; shorter lists go in as they are.
 * Observable in the order of a bag's objects and of colliding hash keys.
 */
function insertOrder(p: Process, tab: EtsTable, x: Term, objs: Term[]): Term[] {
  if (Array.isArray(x)) return objs;
  const left = typeof p.reds === 'number' ? Math.max(p.reds, 1) : 4000;
  return tab.type === 'bag' || objs.length > left * 8 ? objs.reverse() : objs;
}

export function insert(p: Process, t: Term, x: Term): Term {
  const tab = table(p, t, 'write');
  const objs = insertOrder(p, tab, x, objectsOf(tab, x));
  for (const o of objs) tab.store.insert(tab.keyOf(o), o);
  return 'true';
}

export function insertNew(p: Process, t: Term, x: Term): Term {
  const tab = table(p, t, 'write');
  const objs = objectsOf(tab, x);
  if (objs.some((o) => tab.store.has(tab.keyOf(o)))) return 'false';
  for (const o of insertOrder(p, tab, x, objs)) tab.store.insert(tab.keyOf(o), o);
  return 'true';
}

export function lookup(p: Process, t: Term, key: Term): Term {
  return list(table(p, t, 'read').store.get(key));
}

export function member(p: Process, t: Term, key: Term): Term {
  return table(p, t, 'read').store.has(key) ? 'true' : 'false';
}

export function lookupElement(p: Process, t: Term, key: Term, pos: Term): Term {
  const tab = table(p, t, 'read');
  if (typeof pos !== 'number' || pos < 1) return badarg();
  const objs = tab.store.get(key);
  if (objs.length === 0) return badarg();
  const elems = objs.map((o) => ((o as Term[]).length >= pos ? (o as Term[])[pos - 1]! : badarg()));
  return tab.type === 'set' || tab.type === 'ordered_set' ? elems[0]! : list(elems);
}

export function take(p: Process, t: Term, key: Term): Term {
  return list(table(p, t, 'write').store.remove(key));
}

export function deleteKey(p: Process, t: Term, key: Term): Term {
  table(p, t, 'write').store.remove(key);
  return 'true';
}

export function deleteObject(p: Process, t: Term, obj: Term): Term {
  const tab = table(p, t, 'write');
  tab.store.removeObject(tab.keyOf(obj), obj);
  return 'true';
}

export function first(p: Process, t: Term, last = false): Term {
  const s = table(p, t, 'read').store;
  return (last ? s.last() : s.first()) ?? EOT;
}

export function next(p: Process, t: Term, key: Term, prev = false): Term {
  const tab = table(p, t, 'read');
  const k = prev ? tab.store.prev(key) : tab.store.next(key);
  if (k === NO_KEY) return badarg();
  return k ?? EOT;
}

/** `ets:slot/2`: hash tables number their keys in iteration order here. */
export function slot(p: Process, t: Term, i: Term): Term {
  const tab = table(p, t, 'read');
  if (typeof i !== 'number' || i < 0) return badarg();
  const s = tab.store;
  if (s instanceof SortedStore) {
    const o = s.at(i);
    if (o !== undefined) return list([o]);
    return i === s.size ? EOT : badarg();
  }
  if (s instanceof LinearHashStore) {
    // A slot is a bucket, listed as BEAM builds it (reversed chain).
    if (i < s.slots) return list(s.bucket(i).reverse());
    return i === s.slots ? EOT : badarg();
  }
  return badarg();
}

// ---- update_counter / update_element ----

type Op = { pos: number; incr: Int; threshold?: Int; setValue?: Int };

function parseOp(tab: EtsTable, op: Term): Op {
  if (isInteger(op)) return { pos: tab.keypos + 1, incr: op };
  if (!Array.isArray(op) || (op.length !== 2 && op.length !== 4)) return badarg();
  const [pos, incr, threshold, setValue] = op;
  if (typeof pos !== 'number' || !isInteger(incr)) return badarg();
  if (op.length === 2) return { pos, incr };
  if (!isInteger(threshold) || !isInteger(setValue)) return badarg();
  return { pos, incr, threshold, setValue };
}

const add = (a: Int, b: Int): Int =>
  typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a + b) ? a + b : normInt(toBig(a) + toBig(b));

const gt = (a: Int, b: Int): boolean => (typeof a === 'number' && typeof b === 'number' ? a > b : toBig(a) > toBig(b));

function applyOp(obj: Term[], op: Op, keypos: number): Int {
  if (op.pos < 1 || op.pos > obj.length || op.pos === keypos) return badarg();
  const old = obj[op.pos - 1]!;
  if (!isInteger(old)) return badarg();
  let v = add(old, op.incr);
  if (op.threshold !== undefined) {
    const neg = gt(0, op.incr);
    if (neg ? gt(op.threshold, v) : gt(v, op.threshold)) v = op.setValue!;
  }
  obj[op.pos - 1] = v;
  return v;
}

export function updateCounter(p: Process, t: Term, key: Term, ops: Term, dflt?: Term): Term {
  const tab = table(p, t, 'write');
  if (tab.type === 'bag' || tab.type === 'duplicate_bag') return badarg();
  const isList = !isInteger(ops) && !Array.isArray(ops);
  const parsed = isList ? (listToArray(ops) ?? badarg()).map((o) => parseOp(tab, o)) : [parseOp(tab, ops)];
  let cur = tab.store.get(key)[0] as Term[] | undefined;
  if (cur === undefined) {
    if (dflt === undefined || !Array.isArray(dflt) || dflt.length < tab.keypos) return badarg();
    cur = [...dflt];
    cur[tab.keypos - 1] = key;
  } else {
    cur = [...cur];
  }
  const results = parsed.map((op) => applyOp(cur!, op, tab.keypos));
  tab.store.replace(tab.keyOf(cur), [cur]);
  return isList ? list(results) : results[0]!;
}

export function updateElement(p: Process, t: Term, key: Term, upd: Term): Term {
  const tab = table(p, t, 'write');
  if (tab.type === 'bag' || tab.type === 'duplicate_bag') return badarg();
  const pairs = Array.isArray(upd) ? [upd] : listToArray(upd) ?? badarg();
  for (const u of pairs) {
    if (!Array.isArray(u) || u.length !== 2 || typeof u[0] !== 'number') return badarg();
  }
  const old = tab.store.get(key)[0] as Term[] | undefined;
  if (old === undefined) return 'false';
  const obj = [...old];
  for (const [pos, v] of pairs as [number, Term][]) {
    if (pos < 1 || pos > obj.length || pos === tab.keypos) return badarg();
    obj[pos - 1] = v;
  }
  tab.store.replace(key, [obj]);
  return 'true';
}
