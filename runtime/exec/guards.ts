/**
 * The guard BIFs that compiled code calls inline (`bif1`/`bif2`/`gc_bif*`
 * instructions naming `erlang:F/A`), and value-returning comparisons and
 * type tests.
 *
 * Same convention as arith.ts: return the result, or `undefined` when BEAM
 * would raise (`badarg` unless `failure.reason` says otherwise). Which
 * `erlang` BIFs are handled here is listed in compiler/js/bif-table.ts; any
 * other BIF goes through the module registry like an ordinary call.
 */
import { compare, equals, exactEquals } from '../terms/compare.js';
import {
  BitString, Cons, ErlFloat, ExportFun, Fun, NIL, Pid, Port, Ref,
  type ErlMapLike, type Term,
} from '../terms/types.js';
import { failure } from './arith.js';

const T = 'true';
const F = 'false';

function fail(reason: Term): undefined {
  failure.reason = reason;
  return undefined;
}

const isMapT = (t: Term): t is ErlMapLike =>
  typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true;

// ---- comparisons (inline fast paths for numbers and atoms) ----

/** `=:=` as a boolean: identical numbers/atoms/NIL are `===`. */
export const eqExact = (a: Term, b: Term): boolean => a === b || (typeof a === 'object' && exactEquals(a, b));
export const eq = (a: Term, b: Term): boolean => a === b || equals(a, b);
export function lt(a: Term, b: Term): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return compare(a, b) < 0;
}
export function ge(a: Term, b: Term): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  return compare(a, b) >= 0;
}

const atom = (b: boolean): Term => (b ? T : F);

export const op_eqx = (a: Term, b: Term): Term => atom(eqExact(a, b));
export const op_nex = (a: Term, b: Term): Term => atom(!eqExact(a, b));
export const op_eq = (a: Term, b: Term): Term => atom(eq(a, b));
export const op_ne = (a: Term, b: Term): Term => atom(!eq(a, b));
export const op_lt = (a: Term, b: Term): Term => atom(lt(a, b));
export const op_ge = (a: Term, b: Term): Term => atom(ge(a, b));
export const op_gt = (a: Term, b: Term): Term => atom(lt(b, a));
export const op_le = (a: Term, b: Term): Term => atom(ge(b, a));

// ---- booleans ----

const isBool = (t: Term): boolean => t === T || t === F;
export const op_and = (a: Term, b: Term): Term | undefined =>
  isBool(a) && isBool(b) ? atom(a === T && b === T) : undefined;
export const op_or = (a: Term, b: Term): Term | undefined =>
  isBool(a) && isBool(b) ? atom(a === T || b === T) : undefined;
export const op_xor = (a: Term, b: Term): Term | undefined =>
  isBool(a) && isBool(b) ? atom((a === T) !== (b === T)) : undefined;
export const op_not = (a: Term): Term | undefined => (isBool(a) ? atom(a === F) : undefined);

// ---- type tests as values (bif1 is_atom etc.) ----

export const isIntegerT = (t: Term): boolean => typeof t === 'number' || typeof t === 'bigint';
export const isNumberT = (t: Term): boolean => typeof t === 'number' || typeof t === 'bigint' || t instanceof ErlFloat;
export const isFunT = (t: Term): boolean => t instanceof Fun || t instanceof ExportFun;
export const isListT = (t: Term): boolean => t === NIL || t instanceof Cons;
export const isBooleanT = isBool;

/** is_function(F, Arity): badarg unless Arity is a non-negative integer. */
export function isFunction2(f: Term, a: Term): boolean | undefined {
  if (typeof a !== 'number' || a < 0) {
    return typeof a === 'bigint' && a > 0n ? false : undefined;
  }
  if (f instanceof Fun || f instanceof ExportFun) return f.arity === a;
  return false;
}

export const is_atom = (t: Term): Term => atom(typeof t === 'string');
export const is_integer = (t: Term): Term => atom(isIntegerT(t));
export const is_float = (t: Term): Term => atom(t instanceof ErlFloat);
/** The unboxed value of a float, NaN (which no case equals) for anything else: select_val on floats. */
export const floatValue = (t: Term): number => (t instanceof ErlFloat ? t.value : Number.NaN);
export const is_number = (t: Term): Term => atom(isNumberT(t));
export const is_list = (t: Term): Term => atom(isListT(t));
export const is_tuple = (t: Term): Term => atom(Array.isArray(t));
export const is_binary = (t: Term): Term => atom(t instanceof BitString && (t.bitSize & 7) === 0);
export const is_bitstring = (t: Term): Term => atom(t instanceof BitString);
export const is_map = (t: Term): Term => atom(isMapT(t));
export const is_pid = (t: Term): Term => atom(t instanceof Pid);
export const is_port = (t: Term): Term => atom(t instanceof Port);
export const is_reference = (t: Term): Term => atom(t instanceof Ref);
export const is_function = (t: Term): Term => atom(isFunT(t));
export const is_boolean = (t: Term): Term => atom(isBool(t));
export function is_function2(f: Term, a: Term): Term | undefined {
  const r = isFunction2(f, a);
  return r === undefined ? undefined : atom(r);
}

// ---- data access ----

export function element(n: Term, t: Term): Term | undefined {
  if (typeof n === 'number' && Array.isArray(t) && n >= 1 && n <= t.length) return t[n - 1];
  return undefined;
}

export const hd = (l: Term): Term | undefined => (l instanceof Cons ? l.hd : undefined);
export const tl = (l: Term): Term | undefined => (l instanceof Cons ? l.tl : undefined);

export function length(l: Term): Term | undefined {
  let n = 0;
  while (l instanceof Cons) {
    n++;
    l = l.tl;
  }
  return l === NIL ? n : undefined;
}

export const tuple_size = (t: Term): Term | undefined => (Array.isArray(t) ? t.length : undefined);

export function byte_size(b: Term): Term | undefined {
  return b instanceof BitString ? Math.ceil(b.bitSize / 8) : undefined;
}

export const bit_size = (b: Term): Term | undefined => (b instanceof BitString ? b.bitSize : undefined);

export function size(t: Term): Term | undefined {
  if (Array.isArray(t)) return t.length;
  if (t instanceof BitString) return b_size(t);
  return undefined;
}
const b_size = (b: BitString): number => b.bitSize >>> 3;

export function map_size(m: Term): Term | undefined {
  return isMapT(m) ? m.size : fail(['badmap', m]);
}

export function map_get(k: Term, m: Term): Term | undefined {
  if (!isMapT(m)) return fail(['badmap', m]);
  const v = m.get(k);
  return v === undefined ? fail(['badkey', k]) : v;
}

export function is_map_key(k: Term, m: Term): Term | undefined {
  return isMapT(m) ? atom(m.has(k)) : fail(['badmap', m]);
}

/** binary_part(Bin, {Start, Len}) / binary_part(Bin, Start, Len). */
export function binary_part(b: Term, start: Term, len?: Term): Term | undefined {
  if (len === undefined) {
    if (!Array.isArray(start) || start.length !== 2) return undefined;
    len = start[1]!;
    start = start[0]!;
  }
  if (!(b instanceof BitString) || (b.bitSize & 7) !== 0) return undefined;
  if (typeof start !== 'number' || typeof len !== 'number') return undefined;
  let s = start;
  let l = len;
  if (l < 0) {
    s += l;
    l = -l;
  }
  if (s < 0 || s + l > b.bytes.length) return undefined;
  return new BitString(b.bytes.subarray(s, s + l), l * 8);
}

// ---- min/max (guard BIFs since OTP 26), self/node ----

export const min = (a: Term, b: Term): Term => (compare(a, b) <= 0 ? a : b);
export const max = (a: Term, b: Term): Term => (compare(a, b) >= 0 ? a : b);

export const self = (p: { pid: Pid }): Term => p.pid;

export function node(p: { rt?: { node?: string } }): Term {
  return p.rt?.node ?? 'nonode@nohost';
}

export function nodeOf(t: Term): Term | undefined {
  if (t instanceof Pid || t instanceof Port || t instanceof Ref) return t.node;
  return undefined;
}

export const isBinaryT = (t: Term): boolean => t instanceof BitString && (t.bitSize & 7) === 0;
