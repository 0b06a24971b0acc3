/**
 * Equality (`==`, `=:=`) and the total term order of Erlang.
 *
 *   number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring
 *
 * Every rule below was checked against OTP 25 (`lists:sort/1`, `maps:to_list/1`):
 * - integers and floats compare by mathematical value, exactly (JS `<` between a
 *   bigint and a number is exact, so 2^60 vs 2^60 + 0.0 needs no conversion);
 * - in *exact* mode (`=:=`, map-key order) an integer is below every float, whatever
 *   the values: `maps:to_list(#{3 => a, 2.0 => b})` is `[{3,a},{2.0,b}]`;
 *   `0.0 =:= -0.0` is still true on OTP 25;
 * - atoms compare by code point (BEAM compares their UTF-8 bytes);
 * - references of one node compare as unsigned numbers whose 32-bit digits are `ids`
 *   (least significant first); other nodes: node name first;
 * - local funs sort below export funs; locals by module, index (not old
 *   index), old uniq as a signed 32-bit number, number of free variables, then
 *   the free variables; the 16-byte uniq is ignored; exports by module, name,
 *   arity;
 * - ports by node then number; pids by serial, then number, then node;
 * - tuples by size then elements; maps by size, then keys in map-key (exact) order,
 *   then values in that key order; lists element-wise with improper tails compared
 *   as terms; bitstrings bit-wise, a proper prefix first (`<<1:1>>` > `<<1>>`).
 *
 * Depth: BEAM compares terms of any depth. Here the first MAX_REC levels of a
 * term recurse (the fast path for the usual shallow terms); anything deeper is
 * compared on an explicit stack (`cmpDeep`, `eqDeep`), and list tails always
 * loop. So neither a long nor a deep term can exhaust the JS stack.
 */
import { BitString, Cons, ErlFloat, Fun, NIL, type ErlMapLike, type Term } from './types.js';
import type { ErlMap } from './map.js';
import {
  cmpFunHeads,
  cmpLeaf,
  compareAtoms,
  compareBits,
  isMapObj,
  typeRank,
  type Order,
} from './compare-leaf.js';

export { compareAtoms, compareBits, typeRank, type Order } from './compare-leaf.js';

/**
 * Levels of a term compared by JS recursion before the rest of it moves to an
 * explicit stack. Recursion is faster on shallow terms; 64 levels use a few
 * kilobytes of JS stack at most.
 */
const MAX_REC = 64;

/** Term order with `==` semantics for numbers (what `<`, `lists:sort/1` use). */
export function compare(a: Term, b: Term): Order {
  return cmp(a, b, false, 0);
}

/** The `=:=` order: integers before floats; the order of small-map keys. */
export function exactCompare(a: Term, b: Term): Order {
  return cmp(a, b, true, 0);
}

/** `==` */
export function equals(a: Term, b: Term): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return false;
  return eq(a, b, false, 0);
}

/** `=:=` */
export function exactEquals(a: Term, b: Term): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return eq(a, b, true, 0);
}

// ---------------------------------------------------------------------------
// Order, recursive for the first MAX_REC levels

function cmp(a: Term, b: Term, exact: boolean, depth: number): Order {
  for (;;) {
    if (a === b) return 0;
    if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
    if (typeof a === 'string' && typeof b === 'string') return compareAtoms(a, b);
    const ra = typeRank(a);
    const rb = typeRank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (!(a instanceof Cons)) return cmpSameType(a, b, exact, depth);
    // Lists: loop down the tails instead of recursing.
    const bc = b as Cons;
    const x = a.hd;
    const y = bc.hd;
    if (x !== y) {
      if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
      const h = depth < MAX_REC ? cmp(x, y, exact, depth + 1) : cmpDeep(x, y, exact);
      if (h !== 0) return h;
    }
    a = a.tl;
    b = bc.tl;
  }
}

/** `a` and `b` have the same type rank; `a` is not a list cell. */
function cmpSameType(a: Term, b: Term, exact: boolean, depth: number): Order {
  if (Array.isArray(a)) return cmpTuples(a, b as Term[], exact, depth);
  if (a instanceof Fun && b instanceof Fun) return cmpFuns(a, b, exact, depth);
  if (isMapObj(a)) return cmpMaps(a, b as ErlMapLike, exact, depth);
  return cmpLeaf(a, b, exact);
}

function cmpTuples(a: Term[], b: Term[], exact: boolean, depth: number): Order {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  if (depth >= MAX_REC) return cmpDeep(a, b, exact);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const c = cmp(x, y, exact, depth + 1);
    if (c !== 0) return c;
  }
  return 0;
}

function cmpFuns(a: Fun, b: Fun, exact: boolean, depth: number): Order {
  const c = cmpFunHeads(a, b);
  if (c !== 0) return c;
  if (depth >= MAX_REC) return cmpDeep(a, b, exact);
  for (let i = 0; i < a.env.length; i++) {
    const e = cmp(a.env[i]!, b.env[i]!, exact, depth + 1);
    if (e !== 0) return e;
  }
  return 0;
}

/** Size, then keys in map-key order (always exact), then values in that order. */
function cmpMaps(a: ErlMapLike, b: ErlMapLike, exact: boolean, depth: number): Order {
  if (a.size !== b.size) return a.size < b.size ? -1 : 1;
  if (depth >= MAX_REC) return cmpDeep(a, b, exact);
  const x = sortedKV(a);
  const y = sortedKV(b);
  const n = x.flatKeys.length;
  for (let i = 0; i < n; i++) {
    const c = cmp(x.flatKeys[i]!, y.flatKeys[i]!, true, depth + 1);
    if (c !== 0) return c;
  }
  for (let i = 0; i < n; i++) {
    const c = cmp(x.flatVals[i]!, y.flatVals[i]!, exact, depth + 1);
    if (c !== 0) return c;
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Equality, recursive for the first MAX_REC levels (no ordering, no map sorting)

function eq(a: Term, b: Term, exact: boolean, depth: number): boolean {
  for (;;) {
    if (a === b) return true;
    switch (typeof a) {
      case 'number':
      case 'bigint':
        if (typeof b === 'number' || typeof b === 'bigint') return a === b;
        return !exact && b instanceof ErlFloat && a == b.value;
      case 'string':
        return false;
    }
    if (!(a instanceof Cons)) return eqOther(a, b, exact, depth);
    if (!(b instanceof Cons)) return false;
    const x = a.hd;
    const y = b.hd;
    if (x !== y) {
      if (typeof x === 'number' && typeof y === 'number') return false;
      if (!(depth < MAX_REC ? eq(x, y, exact, depth + 1) : eqDeep(x, y, exact))) return false;
    }
    a = a.tl;
    b = b.tl;
  }
}

function eqOther(a: Term, b: Term, exact: boolean, depth: number): boolean {
  if (a instanceof ErlFloat) return eqFloat(a, b, exact);
  if (typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    if (depth >= MAX_REC) return eqDeep(a, b, exact);
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x !== y && !eq(x, y, exact, depth + 1)) return false;
    }
    return true;
  }
  if (a instanceof BitString) return b instanceof BitString && compareBits(a, b) === 0;
  if (isMapObj(a)) return isMapObj(b) && eqMaps(a, b, exact, depth);
  if (a instanceof Fun) return b instanceof Fun && cmpFuns(a, b, exact, depth) === 0;
  return eqLeaf(a, b);
}

function eqFloat(a: ErlFloat, b: Term, exact: boolean): boolean {
  if (b instanceof ErlFloat) return a.value === b.value;
  return !exact && (typeof b === 'number' || typeof b === 'bigint') && a.value == b;
}

/** Pids, ports, refs, export funs, `[]` (and a non-term `a`, which throws). */
function eqLeaf(a: Term, b: Term): boolean {
  if (a === NIL || b === NIL || Array.isArray(b) || b instanceof Cons) return false;
  if (typeRank(a) !== typeRank(b)) return false;
  return cmpLeaf(a, b, true) === 0;
}

/** Keys always by `=:=`, values by the outer mode. */
function eqMaps(a: ErlMapLike, b: ErlMapLike, exact: boolean, depth: number): boolean {
  if (a.size !== b.size) return false;
  if (depth >= MAX_REC) return eqDeep(a, b, exact);
  const ha = hashmapOf(a);
  const hb = hashmapOf(b);
  if (ha !== undefined && hb !== undefined) {
    // Each leaf of a against the leaf of b where its key would be: a key equal
    // to it can be nowhere else.
    const ls = ha.pairLeaves(hb);
    if (ls === undefined) return false;
    for (let i = 0; i < ls.length; i += 2) {
      const x = ls[i]!;
      const y = ls[i + 1]!;
      if (x.key !== y.key && !eq(x.key, y.key, true, depth + 1)) return false;
      if (x.val !== y.val && !eq(x.val, y.val, exact, depth + 1)) return false;
    }
    return true;
  }
  // Flatmaps (or maps sorted here) with the same keys list them in the same order.
  const x = sortedKV(a);
  const y = sortedKV(b);
  const n = x.flatKeys.length;
  for (let i = 0; i < n; i++) {
    const k = x.flatKeys[i]!;
    const l = y.flatKeys[i]!;
    if (k !== l && !eq(k, l, true, depth + 1)) return false;
  }
  for (let i = 0; i < n; i++) {
    const v = x.flatVals[i]!;
    const w = y.flatVals[i]!;
    if (v !== w && !eq(v, w, exact, depth + 1)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Any depth: an explicit stack of (a, b, exact) triples still to compare

/** Pairs of parts still to compare, as flat triples `a, b, exact`. */
type Pending = (Term | boolean)[];

function cmpDeep(a: Term, b: Term, exact: boolean): Order {
  const stack: Pending = [];
  for (;;) {
    // Go straight down into a list's head or a tuple's first compound part,
    // leaving the rest on the stack (tuple chains then push nothing).
    if (a !== b && a instanceof Cons && b instanceof Cons) {
      if (a.tl !== b.tl) stack.push(a.tl, b.tl, exact);
      a = a.hd;
      b = b.hd;
      continue;
    }
    if (a !== b && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      const n = a.length;
      let i = 0;
      for (; i < n; i++) {
        const x = a[i]!;
        const y = b[i]!;
        if (x === y) continue;
        if (typeof x === 'object' && typeof y === 'object') break;
        const c = cmpNode(x, y, exact, stack); // pushes nothing for these
        if (c !== 0) return c;
      }
      if (i < n) {
        for (let k = n - 1; k > i; k--) stack.push(a[k]!, b[k]!, exact);
        a = a[i]!;
        b = b[i]!;
        continue;
      }
    } else {
      const c = cmpNode(a, b, exact, stack);
      if (c !== 0) return c;
    }
    if (stack.length === 0) return 0;
    exact = stack.pop() as boolean;
    b = stack.pop() as Term;
    a = stack.pop() as Term;
  }
}

/**
 * Compare what `a` and `b` hold themselves; push their parts, first part on
 * top, so that the stack finishes each part before the next (lexicographic).
 */
function cmpNode(a: Term, b: Term, exact: boolean, stack: Pending): Order {
  if (a === b) return 0;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return compareAtoms(a, b);
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a instanceof Cons) {
    const bc = b as Cons;
    if (a.tl !== bc.tl) stack.push(a.tl, bc.tl, exact);
    stack.push(a.hd, bc.hd, exact);
    return 0;
  }
  if (Array.isArray(a)) {
    const t = b as Term[];
    if (a.length !== t.length) return a.length < t.length ? -1 : 1;
    for (let i = a.length - 1; i >= 0; i--) stack.push(a[i]!, t[i]!, exact);
    return 0;
  }
  if (a instanceof Fun && b instanceof Fun) {
    const c = cmpFunHeads(a, b);
    if (c === 0) for (let i = a.env.length - 1; i >= 0; i--) stack.push(a.env[i]!, b.env[i]!, exact);
    return c;
  }
  if (isMapObj(a)) {
    const m = b as ErlMapLike;
    if (a.size !== m.size) return a.size < m.size ? -1 : 1;
    pushKV(sortedKV(a), sortedKV(m), exact, stack);
    return 0;
  }
  return cmpLeaf(a, b, exact);
}

/** Values (outer mode) below keys (exact), each in key order from the top. */
function pushKV(x: KV, y: KV, exact: boolean, stack: Pending): void {
  for (let i = x.flatVals.length - 1; i >= 0; i--) stack.push(x.flatVals[i]!, y.flatVals[i]!, exact);
  for (let i = x.flatKeys.length - 1; i >= 0; i--) stack.push(x.flatKeys[i]!, y.flatKeys[i]!, true);
}

function eqDeep(a: Term, b: Term, exact: boolean): boolean {
  const stack: Pending = [];
  for (;;) {
    // As in cmpDeep: straight down into a list's head or a tuple's last
    // compound part; the other parts wait on the stack.
    if (a !== b && a instanceof Cons && b instanceof Cons) {
      if (a.tl !== b.tl) stack.push(a.tl, b.tl, exact);
      a = a.hd;
      b = b.hd;
      continue;
    }
    if (a !== b && Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      let na: Term | undefined;
      let nb: Term | undefined;
      for (let i = 0; i < a.length; i++) {
        const x = a[i]!;
        const y = b[i]!;
        if (x === y) continue;
        if (typeof x === 'object' && typeof y === 'object') {
          if (na !== undefined) stack.push(na, nb!, exact);
          na = x;
          nb = y;
        } else if (!eqNode(x, y, exact, stack)) return false;
      }
      if (na !== undefined) {
        a = na;
        b = nb!;
        continue;
      }
    } else if (!eqNode(a, b, exact, stack)) return false;
    if (stack.length === 0) return true;
    exact = stack.pop() as boolean;
    b = stack.pop() as Term;
    a = stack.pop() as Term;
  }
}

/** Whether `a` and `b` can be equal judging by themselves; pushes their parts. */
function eqNode(a: Term, b: Term, exact: boolean, stack: Pending): boolean {
  if (a === b) return true;
  switch (typeof a) {
    case 'number':
    case 'bigint':
      if (typeof b === 'number' || typeof b === 'bigint') return a === b;
      return !exact && b instanceof ErlFloat && a == b.value;
    case 'string':
      return false;
  }
  if (a instanceof Cons) {
    if (!(b instanceof Cons)) return false;
    if (a.tl !== b.tl) stack.push(a.tl, b.tl, exact);
    stack.push(a.hd, b.hd, exact);
    return true;
  }
  if (a instanceof ErlFloat) return eqFloat(a, b, exact);
  if (typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = a.length - 1; i >= 0; i--) stack.push(a[i]!, b[i]!, exact);
    return true;
  }
  if (a instanceof BitString) return b instanceof BitString && compareBits(a, b) === 0;
  if (a instanceof Fun) {
    if (!(b instanceof Fun) || cmpFunHeads(a, b) !== 0) return false;
    for (let i = a.env.length - 1; i >= 0; i--) stack.push(a.env[i]!, b.env[i]!, exact);
    return true;
  }
  if (isMapObj(a)) return isMapObj(b) && a.size === b.size && pushMapPairs(a, b, exact, stack);
  return eqLeaf(a, b);
}

/** Push the key and value pairs that decide whether two same-size maps are equal. */
function pushMapPairs(a: ErlMapLike, b: ErlMapLike, exact: boolean, stack: Pending): boolean {
  const ha = hashmapOf(a);
  const hb = hashmapOf(b);
  if (ha === undefined || hb === undefined) {
    pushKV(sortedKV(a), sortedKV(b), exact, stack);
    return true;
  }
  const ls = ha.pairLeaves(hb);
  if (ls === undefined) return false;
  for (let i = 0; i < ls.length; i += 2) {
    const x = ls[i]!;
    const y = ls[i + 1]!;
    stack.push(x.val, y.val, exact, x.key, y.key, true);
  }
  return true;
}

// ---------------------------------------------------------------------------
// Terms without parts to compare


// ---------------------------------------------------------------------------
// Maps in key order

/** Keys in map-key order and their values: a flatmap itself, or a sorted copy. */
interface KV {
  readonly flatKeys: readonly Term[];
  readonly flatVals: readonly Term[];
}

/** A flatmap of ./map.ts keeps its keys in map-key order already. */
function flatOf(m: ErlMapLike): KV | undefined {
  const e = m as Partial<ErlMap>;
  return e.flatKeys !== undefined && e.root === undefined ? (m as ErlMap) : undefined;
}

/** A hashmap of ./map.ts (it can pair its leaves with another's). */
function hashmapOf(m: ErlMapLike): ErlMap | undefined {
  const e = m as Partial<ErlMap>;
  return e.root !== undefined && typeof e.pairLeaves === 'function' ? (m as ErlMap) : undefined;
}

/**
 * Sorted copies of maps that do not iterate in key order (maps are immutable).
 * A map is cached only once every map inside it is cached or flat as well.
 */
const sortedCache = new WeakMap<ErlMapLike, KV>();

function sortedKV(m: ErlMapLike): KV {
  const flat = flatOf(m);
  if (flat !== undefined) return flat;
  if (m.size < 2) return kvOf(Array.from(m.entries()));
  const kv = sortedCache.get(m);
  if (kv !== undefined) return kv;
  sortInner(m);
  return sortNow(m);
}

const kvOf = (es: readonly [Term, Term][]): KV => ({
  flatKeys: es.map((e) => e[0]),
  flatVals: es.map((e) => e[1]),
});

/** Sort `m`'s entries by key; every map inside `m` must be sorted already. */
function sortNow(m: ErlMapLike): KV {
  const es = Array.from(m.entries());
  for (let i = 1; i < es.length; i++) {
    if (exactCompare(es[i - 1]![0], es[i]![0]) > 0) {
      es.sort((p, q) => exactCompare(p[0], q[0]));
      break;
    }
  }
  const kv = kvOf(es);
  sortedCache.set(m, kv);
  return kv;
}

/** Marks the point where every map inside `m` has been sorted. */
class SortAfterParts {
  constructor(readonly m: ErlMapLike) {}
}

/**
 * Sorting a map compares its keys, which may hold maps that need sorting in
 * turn, whose keys may hold more: sorting those on demand would nest the JS
 * stack once per level. So first sort every map inside `m`, innermost first
 * (post-order, on an explicit stack): then no comparison made while sorting
 * `m`, or later while comparing it, has to sort anything. Cached maps are
 * skipped, as everything inside them is sorted.
 */
function sortInner(m: ErlMapLike): void {
  const stack: unknown[] = [];
  const seen = new Set<object>();
  pushEntries(m, stack);
  while (stack.length > 0) {
    const t = stack.pop();
    if (t instanceof SortAfterParts) {
      sortNow(t.m);
      continue;
    }
    if (typeof t !== 'object' || t === null || seen.has(t)) continue;
    seen.add(t);
    if (Array.isArray(t)) {
      for (const x of t) if (typeof x === 'object') stack.push(x);
    } else if (t instanceof Cons) {
      let l: Term = t;
      for (; l instanceof Cons; l = l.tl) {
        if (l !== t && seen.has(l)) break;
        seen.add(l);
        if (typeof l.hd === 'object') stack.push(l.hd);
      }
      stack.push(l);
    } else if (t instanceof Fun) {
      for (const x of t.env) if (typeof x === 'object') stack.push(x);
    } else if (isMapObj(t) && !sortedCache.has(t)) {
      if (t.size >= 2 && flatOf(t) === undefined) stack.push(new SortAfterParts(t));
      pushEntries(t, stack);
    }
  }
}

function pushEntries(m: ErlMapLike, stack: unknown[]): void {
  for (const [k, v] of m.entries()) {
    if (typeof k === 'object') stack.push(k);
    if (typeof v === 'object') stack.push(v);
  }
}

/** A map's entries sorted by key in map-key (exact) order. */
export function sortedEntries(m: ErlMapLike): [Term, Term][] {
  const kv = sortedKV(m);
  return kv.flatKeys.map((k, i): [Term, Term] => [k, kv.flatVals[i]!]);
}
