/**
 * The parts of the term order that need no recursion: the order of types,
 * and comparisons of numbers, atoms, bitstrings, pids, ports, references and
 * fun headers. ./compare.ts builds equality and the full order on these (the
 * rules are listed there).
 */
import { BitString, Cons, ErlFloat, ExportFun, Fun, NIL, Pid, Port, Ref, type ErlMapLike, type Term } from './types.js';
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
  if (isMapObj(t)) return 7;
  throw new NotATermError(t);
}

const sign = (n: number): Order => (n < 0 ? -1 : n > 0 ? 1 : 0);
export const isMapObj = (t: unknown): t is ErlMapLike =>
  typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true;

/** Two terms of the same rank that are not tuples, lists, maps or local funs. */
export function cmpLeaf(a: Term, b: Term, exact: boolean): Order {
  if (a instanceof BitString) return compareBits(a, b as BitString);
  if (a instanceof ErlFloat || typeof a === 'number' || typeof a === 'bigint') {
    return cmpNumbers(a, b as number | bigint | ErlFloat, exact);
  }
  if (a instanceof Pid) return cmpPids(a, b as Pid);
  if (a instanceof Port) return cmpPorts(a, b as Port);
  if (a instanceof Ref) return cmpRefs(a, b as Ref);
  if (a instanceof Fun || a instanceof ExportFun) return cmpFunHeads(a, b as Fun | ExportFun);
  if (a === NIL) return 0;
  throw new NotATermError(a);
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

/**
 * Funs without their free variables: export funs above local funs; two local
 * funs whose heads agree go on to compare their environments.
 */
export function cmpFunHeads(a: Fun | ExportFun, b: Fun | ExportFun): Order {
  if (a instanceof ExportFun) {
    if (!(b instanceof ExportFun)) return 1;
    return compareAtoms(a.module, b.module) || compareAtoms(a.name, b.name) || sign(a.arity - b.arity);
  }
  if (b instanceof ExportFun) return -1;
  return (
    compareAtoms(a.module, b.module) ||
    sign(a.index - b.index) ||
    sign((a.oldUniq | 0) - (b.oldUniq | 0)) ||
    sign(a.env.length - b.env.length)
  );
}
