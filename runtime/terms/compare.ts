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
 * Recursion follows term depth, except along list tails which loop, so a long list
 * costs no JS stack.
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
import { NotATermError } from './errors.js';

export type Order = -1 | 0 | 1;

/** Position of a term's type in the term order (numbers first). */
export function typeRank(t: Term): number {
  switch (typeof t) {
    case 'number':
    case 'bigint':
      return 0;
    case 'string':
      return 1;
  }
  if (t instanceof ErlFloat) return 0;
  if (Array.isArray(t)) return 6;
  if (t instanceof Cons) return 9;
  if (t instanceof BitString) return 10;
  if (t === NIL) return 8;
  if (t instanceof Ref) return 2;
  if (t instanceof Fun || t instanceof ExportFun) return 3;
  if (t instanceof Port) return 4;
  if (t instanceof Pid) return 5;
  if (typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true) return 7;
  throw new NotATermError(t);
}

const sign = (n: number): Order => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Term order with `==` semantics for numbers (what `<`, `lists:sort/1` use). */
export function compare(a: Term, b: Term): Order {
  return cmp(a, b, false);
}

/** The `=:=` order: integers before floats; the order of small-map keys. */
export function exactCompare(a: Term, b: Term): Order {
  return cmp(a, b, true);
}

/** `==` */
export function equals(a: Term, b: Term): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return false;
  return eq(a, b, false);
}

/** `=:=` */
export function exactEquals(a: Term, b: Term): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return eq(a, b, true);
}

function cmp(a: Term, b: Term, exact: boolean): Order {
  for (;;) {
    if (a === b) return 0;
    if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
    if (typeof a === 'string' && typeof b === 'string') return compareAtoms(a, b);
    const ra = typeRank(a);
    const rb = typeRank(b);
    if (ra !== rb) return ra < rb ? -1 : 1;
    if (!(a instanceof Cons)) return cmpSameType(a, b, exact);
    // Lists: loop down the tails instead of recursing.
    const bc = b as Cons;
    const h = cmp(a.hd, bc.hd, exact);
    if (h !== 0) return h;
    a = a.tl;
    b = bc.tl;
  }
}

function cmpSameType(a: Term, b: Term, exact: boolean): Order {
  if (Array.isArray(a)) return cmpTuples(a, b as Term[], exact);
  if (a instanceof BitString) return compareBits(a, b as BitString);
  if (a instanceof ErlFloat || typeof a === 'number' || typeof a === 'bigint') {
    return cmpNumbers(a, b as number | bigint | ErlFloat, exact);
  }
  if (a instanceof Pid) return cmpPids(a, b as Pid);
  if (a instanceof Port) return cmpPorts(a, b as Port);
  if (a instanceof Ref) return cmpRefs(a, b as Ref);
  if (a instanceof Fun || a instanceof ExportFun) return cmpFuns(a, b as Fun | ExportFun, exact);
  if (a === NIL) return 0;
  return cmpMaps(a as ErlMapLike, b as ErlMapLike, exact);
}

function cmpNumbers(a: number | bigint | ErlFloat, b: number | bigint | ErlFloat, exact: boolean): Order {
  const af = a instanceof ErlFloat;
  const bf = b instanceof ErlFloat;
  if (exact && af !== bf) return af ? 1 : -1;
  const x = af ? (a as ErlFloat).value : (a as number | bigint);
  const y = bf ? (b as ErlFloat).value : (b as number | bigint);
  // Relational operators between bigint and number compare mathematical values.
  return x < y ? -1 : x > y ? 1 : 0;
}

function cmpTuples(a: Term[], b: Term[], exact: boolean): Order {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < a.length; i++) {
    const c = cmp(a[i]!, b[i]!, exact);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Atoms by code point. JS `<` compares UTF-16 units, which misorders astral
 * characters (surrogates 0xD800..) against 0xE000..0xFFFF; fix up that one case.
 */
export function compareAtoms(a: string, b: string): Order {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return sign(a.length - b.length);
}

/** Bit-wise lexicographic order; a proper prefix sorts first. */
export function compareBits(a: BitString, b: BitString): Order {
  const n = Math.min(a.bitSize, b.bitSize);
  const full = n >>> 3;
  const x = a.bytes;
  const y = b.bytes;
  for (let i = 0; i < full; i++) {
    if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  }
  const rest = n & 7;
  if (rest !== 0) {
    const mask = (0xff << (8 - rest)) & 0xff;
    const p = x[full]! & mask;
    const q = y[full]! & mask;
    if (p !== q) return p < q ? -1 : 1;
  }
  return sign(a.bitSize - b.bitSize);
}

function cmpNodes(a: string, ac: number, b: string, bc: number): Order {
  const c = compareAtoms(a, b);
  return c !== 0 ? c : sign(ac - bc);
}

function cmpPids(a: Pid, b: Pid): Order {
  if (a.serial !== b.serial) return a.serial < b.serial ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return cmpNodes(a.node, a.creation, b.node, b.creation);
}

function cmpPorts(a: Port, b: Port): Order {
  const c = cmpNodes(a.node, a.creation, b.node, b.creation);
  if (c !== 0) return c;
  return sign(a.id - b.id);
}

/** References compare as numbers: high zero words do not count. */
function cmpRefs(a: Ref, b: Ref): Order {
  const c = cmpNodes(a.node, a.creation, b.node, b.creation);
  if (c !== 0) return c;
  const x = a.ids;
  const y = b.ids;
  for (let i = Math.max(x.length, y.length) - 1; i >= 0; i--) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p !== q) return p < q ? -1 : 1;
  }
  return 0;
}

function cmpFuns(a: Fun | ExportFun, b: Fun | ExportFun, exact: boolean): Order {
  if (a instanceof ExportFun) {
    if (!(b instanceof ExportFun)) return 1;
    return compareAtoms(a.module, b.module) || compareAtoms(a.name, b.name) || sign(a.arity - b.arity);
  }
  if (b instanceof ExportFun) return -1;
  const f = b as Fun;
  const c =
    compareAtoms(a.module, f.module) ||
    sign(a.index - f.index) ||
    sign((a.oldUniq | 0) - (f.oldUniq | 0)) ||
    sign(a.env.length - f.env.length);
  if (c !== 0) return c;
  for (let i = 0; i < a.env.length; i++) {
    const e = cmp(a.env[i]!, f.env[i]!, exact);
    if (e !== 0) return e;
  }
  return 0;
}

/** A map's entries sorted by key in map-key (exact) order. */
export function sortedEntries(m: ErlMapLike): [Term, Term][] {
  const es = Array.from(m.entries());
  for (let i = 1; i < es.length; i++) {
    if (exactCompare(es[i - 1]![0], es[i]![0]) > 0) {
      es.sort((p, q) => exactCompare(p[0], q[0]));
      break;
    }
  }
  return es;
}

function cmpMaps(a: ErlMapLike, b: ErlMapLike, exact: boolean): Order {
  if (a.size !== b.size) return a.size < b.size ? -1 : 1;
  const x = sortedEntries(a);
  const y = sortedEntries(b);
  for (let i = 0; i < x.length; i++) {
    const c = cmp(x[i]![0], y[i]![0], true);
    if (c !== 0) return c;
  }
  for (let i = 0; i < x.length; i++) {
    const c = cmp(x[i]![1], y[i]![1], exact);
    if (c !== 0) return c;
  }
  return 0;
}

/** Structural equality; cheaper than `cmp` (no ordering, no map sorting). */
function eq(a: Term, b: Term, exact: boolean): boolean {
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
    if (a instanceof Cons) {
      if (!(b instanceof Cons) || !eq(a.hd, b.hd, exact)) return false;
      a = a.tl;
      b = b.tl;
      continue;
    }
    return eqOther(a, b, exact);
  }
}

function eqOther(a: Term, b: Term, exact: boolean): boolean {
  if (a instanceof ErlFloat) {
    if (b instanceof ErlFloat) return a.value === b.value;
    return !exact && (typeof b === 'number' || typeof b === 'bigint') && a.value == b;
  }
  if (typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!eq(a[i]!, b[i]!, exact)) return false;
    return true;
  }
  if (a instanceof BitString) return b instanceof BitString && compareBits(a, b) === 0;
  if ((a as ErlMapLike).isErlMap === true) {
    return (b as ErlMapLike).isErlMap === true && eqMaps(a as ErlMapLike, b as ErlMapLike, exact);
  }
  if (a === NIL || b === NIL || Array.isArray(b) || b instanceof Cons) return false;
  if (typeRank(a) !== typeRank(b)) return false;
  return cmpSameType(a, b, exact) === 0;
}

function eqMaps(a: ErlMapLike, b: ErlMapLike, exact: boolean): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a.entries()) {
    const w = b.get(k);
    if (w === undefined || !eq(v, w, exact)) return false;
  }
  return true;
}
