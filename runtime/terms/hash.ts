/**
 * BEAM's portable term hashes:
 * - `phash2/1,2` — `make_hash2` (erts utils.c): Jenkins' mix with a constant
 *   per type. Stable across releases and machines, so it must match bit for bit.
 * - `phash/2` — the older `make_hash`: multiply-and-add with large primes.
 * The VM-internal hash that orders large maps is in ./hash-internal.ts.
 *
 * Both walk the term with an explicit stack, so deep or long terms cost no JS
 * stack, and visit it in exactly BEAM's order (the order changes the value).
 */
import {
  BitString,
  Cons,
  ErlFloat,
  ExportFun,
  Fun,
  NIL,
  Pid,
  Port,
  Ref,
  type ErlMapLike,
  type Term,
} from './types.js';
import { NotATermError, TermBadArg } from './errors.js';
import {
  HCONST,
  HCONST_n,
  atomTextHash,
  blockHash,
  floatWords,
  hash2,
  magnitudeWords,
} from './hash-mix.js';

export { internalHash, mapHash, atomIndex, setAtomIndex } from './hash-internal.js';

const HC2 = HCONST_n(2);
const HC3 = HCONST_n(3);
const HC4 = HCONST_n(4);
const HC5 = HCONST_n(5);
const HC6 = HCONST_n(6);
const HC7 = HCONST_n(7);
const HC9 = HCONST_n(9);
const HC10 = HCONST_n(10);
const HC11 = HCONST_n(11);
const HC12 = HCONST_n(12);
const HC13 = HCONST_n(13);
const HC14 = HCONST_n(14);
const HC15 = HCONST_n(15);
const HC16 = HCONST_n(16);
const HC19 = HCONST_n(19);

/** `tag_val_def` of `[]` (erl_term.h), mixed in for a non-initial `[]`. */
const NIL_DEF = 2;
/** What a `[]` hashes to when it is the first thing hashed. */
const NIL_FIRST = 3468870702;

const TWO27 = 2 ** 27;
const TWO32 = 2 ** 32;

/** `erlang:phash2(T)`: 0..2^27-1. */
export function phash2(t: Term, range?: number | bigint): number {
  const h = makeHash2(t);
  if (range === undefined) return h & (TWO27 - 1);
  const r = checkRange(range);
  // A power-of-two range masks; any other range takes the remainder.
  return r === TWO32 ? h : (r & (r - 1)) === 0 ? (h & (r - 1)) >>> 0 : h % r;
}

/** `erlang:phash(T, Range)`: 1..Range. */
export function phash(t: Term, range: number | bigint): number {
  const r = checkRange(range);
  return (makeHash(t) % r) + 1;
}

function checkRange(range: number | bigint): number {
  const r = Number(range);
  if (!Number.isInteger(r) || r < 1 || r > TWO32) throw new TermBadArg();
  return r;
}

// ---------------------------------------------------------------------------
// make_hash2

/** Stack markers: end of a map (restore the outer hash), end of a pair. */
const MAP_TAIL = { marker: 'map_tail' };
const MAP_PAIR = { marker: 'map_pair' };
type Work = Term | typeof MAP_TAIL | typeof MAP_PAIR;

/** `make_hash2`: the full 32-bit value behind phash2. */
export function makeHash2(term: Term): number {
  const stack: Work[] = [];
  const saved: number[] = []; // outer (hash, xor) pairs of enclosing maps
  let hash = 0;
  let xorPairs = 0;
  let t: Work = term;
  for (;;) {
    if (t === MAP_PAIR) {
      xorPairs = (xorPairs ^ hash) >>> 0;
      hash = 0;
    } else if (t === MAP_TAIL) {
      hash = saved.pop()!;
      hash = hash2(xorPairs, 0, HC19, hash);
      xorPairs = saved.pop()!;
    } else {
      const next = hashOne2(t as Term, hash, stack);
      if (typeof next === 'number') hash = next;
      else {
        // A map: hash its size, then each pair from zero, xor-ing the results.
        hash = hash2(next.size, 0, HC16, hash);
        if (next.size !== 0) {
          saved.push(xorPairs, hash);
          stack.push(MAP_TAIL);
          for (const [k, v] of next.entries()) stack.push(MAP_PAIR, v, k);
          hash = 0;
          xorPairs = 0;
        }
      }
    }
    if (stack.length === 0) return hash;
    t = stack.pop()!;
  }
}

/**
 * Hash one term node into `hash`. Compound terms push their parts on `stack`
 * (first part on top) after mixing in their header; maps are returned for the
 * caller to expand, because they need the saved-state protocol.
 */
function hashOne2(t: Term, hash: number, stack: Work[]): number | ErlMapLike {
  switch (typeof t) {
    case 'number':
    case 'bigint':
      return hashInteger2(t, hash);
    case 'string':
      return hash === 0 ? atomTextHash(t) : hash2(atomTextHash(t), 0, HC3, hash);
  }
  if (t instanceof Cons) return hashList2(t, hash, stack);
  if (Array.isArray(t)) {
    hash = hash2(t.length, 0, HC9, hash);
    for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]!);
    return hash;
  }
  if (t === NIL) return hash === 0 ? NIL_FIRST : hash2(NIL_DEF, 0, HC2, hash);
  if (t instanceof ErlFloat) {
    const [w0, w1] = floatWords(t.value);
    return hash2(w1, w0, HC12, hash);
  }
  if (t instanceof BitString) return hashBits2(t, hash);
  if (t instanceof Pid) return hash2(t.id >>> 0, 0, HC5, hash);
  if (t instanceof Port) return hash2(t.id % TWO32, Math.floor(t.id / TWO32), HC6, hash);
  if (t instanceof Ref) return hash2((t.ids[0] ?? 0) >>> 0, 0, HC7, hash);
  if (t instanceof Fun) {
    hash = hash2(t.env.length, atomTextHash(t.module), HCONST, hash);
    hash = hash2(t.index >>> 0, t.oldUniq >>> 0, HCONST, hash);
    for (let i = t.env.length - 1; i >= 0; i--) stack.push(t.env[i]!);
    return hash;
  }
  if (t instanceof ExportFun) {
    hash = hash2(t.arity, atomTextHash(t.module), HCONST, hash);
    return hash2(atomTextHash(t.name), 0, HC14, hash);
  }
  if (typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true) {
    return t as ErlMapLike;
  }
  throw new NotATermError(t);
}

/**
 * Integers in [-2^27, 2^27) hash as one signed word (negatives are mixed
 * twice, as BEAM does); all others as their magnitude in 64-bit digit pairs,
 * with the sign in the constant, so a small and a bignum agree.
 */
function hashInteger2(n: number | bigint, hash: number): number {
  if (typeof n === 'number' && n >= -TWO27 && n < TWO27) {
    if (n < 0) hash = hash2(-n, 0, HCONST, hash);
    return hash2(n >>> 0, 0, HCONST, hash);
  }
  const con = n < 0 ? HC10 : HC11;
  const ws = magnitudeWords(n);
  for (let i = 0; i < ws.length; i += 2) hash = hash2(ws[i]!, ws[i + 1] ?? 0, con, hash);
  return hash;
}

/**
 * A list: runs of byte-valued heads are packed four to a word (the string
 * optimisation); any other head is hashed as a term, then the list resumes.
 * An improper tail is hashed as a term; `[]` at the end is hashed as well.
 */
function hashList2(l: Cons, hash: number, stack: Work[]): number {
  let c = 0;
  let sh = 0;
  let cell: Cons = l;
  let t: Term = l;
  for (;;) {
    const hd = cell.hd;
    if (!(typeof hd === 'number' && hd >= 0 && hd <= 255 && Number.isInteger(hd))) break;
    sh = ((sh << 8) + hd) >>> 0;
    if (c === 3) {
      hash = hash2(sh, 0, HC4, hash);
      c = sh = 0;
    } else c++;
    t = cell.tl;
    if (!(t instanceof Cons)) break;
    cell = t;
  }
  if (c > 0) hash = hash2(sh, 0, HC4, hash);
  if (t instanceof Cons) {
    stack.push(cell.tl, cell.hd);
  } else {
    stack.push(t);
  }
  return hash;
}

function hashBits2(b: BitString, hash: number): number {
  const sz = b.bitSize >>> 3;
  const extra = b.bitSize & 7;
  const con = (HC13 + hash) >>> 0;
  if (sz === 0 && extra === 0) return con;
  hash = blockHash(b.bytes, sz, con);
  if (extra > 0) hash = hash2(extra, b.bytes[sz]! >>> (8 - extra), HC15, hash);
  return hash;
}

// ---------------------------------------------------------------------------
// make_hash (phash/2)

const FN1 = 268440163;
const FN2 = 268439161;
const FN3 = 268435459;
const FN4 = 268436141;
const FN5 = 268438633;
const FN6 = 268437017;
const FN8 = 268437511;
const FN9 = 268439627;
const FN10 = 268440479;
const FN11 = 268440577;
const FN12 = 268440581;
const FN13 = 268440593;
const FN14 = 268440611;

/** `hash * p + x mod 2^32`. */
const ma = (hash: number, p: number, x: number): number => (Math.imul(hash, p) + x) >>> 0;

/** `UINT32_HASH_STEP`: the four bytes of `x`, low first, each times `p`. */
function step(hash: number, x: number, p: number): number {
  hash = ma(hash, p, x & 0xff);
  hash = ma(hash, p, (x >>> 8) & 0xff);
  hash = ma(hash, p, (x >>> 16) & 0xff);
  return ma(hash, p, x >>> 24);
}

/** Markers for make_hash's stack: end of a list; end of a tuple. */
class ListEnd {}
const LIST_END = new ListEnd();
class ListRest {
  constructor(readonly tl: Term) {}
}
class TupleEnd {
  constructor(readonly arity: number) {}
}
type Work1 = Term | ListEnd | ListRest | TupleEnd;

/** `make_hash`: the value behind phash/2. */
export function makeHash(term: Term): number {
  const stack: Work1[] = [];
  let hash = 0;
  let w: Work1 = term;
  for (;;) {
    if (w === LIST_END) hash = Math.imul(hash, FN8) >>> 0;
    else if (w instanceof TupleEnd) hash = ma(hash, FN9, w.arity);
    else if (w instanceof ListRest) {
      if (w.tl instanceof Cons) hash = hashList1(w.tl, hash, stack);
      else {
        stack.push(LIST_END);
        hash = hashOne1(w.tl, hash, stack);
      }
    } else hash = hashOne1(w as Term, hash, stack);
    if (stack.length === 0) return hash;
    w = stack.pop()!;
  }
}

function hashOne1(t: Term, hash: number, stack: Work1[]): number {
  switch (typeof t) {
    case 'number':
    case 'bigint': {
      const ws = magnitudeWords(t);
      for (const x of ws) hash = step(hash, x, FN2);
      return Math.imul(hash, t < 0 ? FN4 : FN3) >>> 0;
    }
    case 'string':
      return ma(hash, FN1, atomTextHash(t));
  }
  if (t instanceof Cons) return hashList1(t, hash, stack);
  if (Array.isArray(t)) {
    stack.push(new TupleEnd(t.length));
    for (let i = t.length - 1; i >= 0; i--) stack.push(t[i]!);
    return hash;
  }
  if (t === NIL) return ma(hash, FN3, 1);
  if (t instanceof ErlFloat) {
    const [w0, w1] = floatWords(t.value);
    return ma(hash, FN6, (w0 ^ w1) >>> 0);
  }
  if (t instanceof BitString) return hashBits1(t, hash);
  if (t instanceof Pid) return Math.imul(step(hash, t.id >>> 0, FN5), FN6) >>> 0;
  if (t instanceof Port) {
    const hi = Math.floor(t.id / TWO32);
    if (hi !== 0) hash = step(hash, hi, FN11);
    return Math.imul(step(hash, t.id >>> 0, FN9), FN10) >>> 0;
  }
  if (t instanceof Ref) return Math.imul(step(hash, (t.ids[0] ?? 0) >>> 0, FN9), FN10) >>> 0;
  if (t instanceof Fun) {
    hash = ma(hash, FN10, t.env.length);
    hash = ma(hash, FN1, atomTextHash(t.module));
    hash = ma(hash, FN2, t.index >>> 0);
    hash = ma(hash, FN2, t.oldUniq >>> 0);
    for (let i = t.env.length - 1; i >= 0; i--) stack.push(t.env[i]!);
    return hash;
  }
  if (t instanceof ExportFun) {
    hash = ma(hash, FN11, t.arity);
    hash = ma(hash, FN1, atomTextHash(t.module));
    return ma(hash, FN1, atomTextHash(t.name));
  }
  if (typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true) {
    return (Math.imul(hash, FN13) + FN14 + makeHash2(t)) >>> 0;
  }
  throw new NotATermError(t);
}

/** Byte heads are folded in directly; other heads are hashed as terms. */
function hashList1(l: Cons, hash: number, stack: Work1[]): number {
  let cell = l;
  for (;;) {
    const hd = cell.hd;
    if (!(typeof hd === 'number' && hd >= 0 && hd <= 255 && Number.isInteger(hd))) {
      stack.push(new ListRest(cell.tl), hd);
      return hash;
    }
    hash = ma(hash, FN2, hd);
    const tl = cell.tl;
    if (!(tl instanceof Cons)) {
      stack.push(LIST_END, tl);
      return hash;
    }
    cell = tl;
  }
}

function hashBits1(b: BitString, hash: number): number {
  const sz = b.bitSize >>> 3;
  const extra = b.bitSize & 7;
  const bytes = b.bytes;
  for (let i = 0; i < sz; i++) hash = ma(hash, FN1, bytes[i]!);
  if (extra > 0) hash = ma(ma(hash, FN1, bytes[sz]! >>> (8 - extra)), FN12, extra);
  return ma(hash, FN4, sz);
}
