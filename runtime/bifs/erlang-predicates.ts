/**
 * Comparison operators, boolean operators and type tests of the `erlang`
 * module as callable functions (`erlang:'=:='/2`, `erlang:is_atom/1`, ...).
 * Compiled code inlines most of these; these are the complete versions that
 * `apply/3`, funs like `fun erlang:'<'/2` and the registry reach.
 */
import { compare, equals, exactEquals } from '../terms/compare.js';
import {
  BitString, Cons, ErlFloat, ExportFun, Fun, NIL, Pid, Port, Ref, bool, isMap,
  type Term,
} from '../terms/types.js';
import { badarg, isSmall, type Bif } from './erlang-args.js';

const isBoolean = (t: Term): boolean => t === 'true' || t === 'false';

function booleanArg(t: Term): boolean {
  if (t === 'true') return true;
  if (t === 'false') return false;
  return badarg();
}

/** Check both booleans before combining them (no short circuit). */
function both(a: Term, b: Term, op: (x: boolean, y: boolean) => boolean): boolean {
  const x = booleanArg(a);
  return op(x, booleanArg(b));
}

/** `is_function(F, Arity)`: Arity must be a non-negative integer. */
function isFunction2(f: Term, arity: Term): Term {
  if (typeof arity === 'bigint') return arity > 0n ? 'false' : badarg();
  if (typeof arity !== 'number' || arity < 0) return badarg();
  if (f instanceof Fun || f instanceof ExportFun) return bool(f.arity === arity);
  return 'false';
}

/** `is_record(T, Tag)`: a tuple whose first element is the atom Tag. */
function isRecord2(t: Term, tag: Term): Term {
  if (typeof tag !== 'string') return badarg();
  return bool(Array.isArray(t) && t.length > 0 && t[0] === tag);
}

/** `is_record(T, Tag, Size)`: also of exactly Size elements. */
function isRecord3(t: Term, tag: Term, size: Term): Term {
  if (typeof tag !== 'string' || !isSmall(size)) return badarg();
  return bool(Array.isArray(t) && t.length > 0 && t.length === size && t[0] === tag);
}

export const predicateBifs: [string, Bif][] = [
  ['==/2', (_p, a, b) => bool(a === b || equals(a, b))],
  ['/=/2', (_p, a, b) => bool(!(a === b || equals(a, b)))],
  ['=:=/2', (_p, a, b) => bool(a === b || exactEquals(a, b))],
  ['=/=/2', (_p, a, b) => bool(!(a === b || exactEquals(a, b)))],
  ['</2', (_p, a, b) => bool(compare(a, b) < 0)],
  ['>/2', (_p, a, b) => bool(compare(a, b) > 0)],
  ['=</2', (_p, a, b) => bool(compare(a, b) <= 0)],
  ['>=/2', (_p, a, b) => bool(compare(a, b) >= 0)],

  // Both arguments are checked: `erlang:'and'(false, 7)` is badarg.
  ['and/2', (_p, a, b) => bool(both(a, b, (x, y) => x && y))],
  ['or/2', (_p, a, b) => bool(both(a, b, (x, y) => x || y))],
  ['xor/2', (_p, a, b) => bool(both(a, b, (x, y) => x !== y))],
  ['not/1', (_p, a) => bool(!booleanArg(a))],

  ['is_atom/1', (_p, t) => bool(typeof t === 'string')],
  ['is_binary/1', (_p, t) => bool(t instanceof BitString && (t.bitSize & 7) === 0)],
  ['is_bitstring/1', (_p, t) => bool(t instanceof BitString)],
  ['is_boolean/1', (_p, t) => bool(isBoolean(t))],
  ['is_float/1', (_p, t) => bool(t instanceof ErlFloat)],
  ['is_function/1', (_p, t) => bool(t instanceof Fun || t instanceof ExportFun)],
  ['is_function/2', (_p, f, a) => isFunction2(f, a)],
  ['is_integer/1', (_p, t) => bool(typeof t === 'number' || typeof t === 'bigint')],
  ['is_list/1', (_p, t) => bool(t === NIL || t instanceof Cons)],
  ['is_map/1', (_p, t) => bool(isMap(t))],
  ['is_number/1', (_p, t) => bool(typeof t === 'number' || typeof t === 'bigint' || t instanceof ErlFloat)],
  ['is_pid/1', (_p, t) => bool(t instanceof Pid)],
  ['is_port/1', (_p, t) => bool(t instanceof Port)],
  ['is_reference/1', (_p, t) => bool(t instanceof Ref)],
  ['is_tuple/1', (_p, t) => bool(Array.isArray(t))],
  ['is_record/2', (_p, t, tag) => isRecord2(t, tag)],
  ['is_record/3', (_p, t, tag, n) => isRecord3(t, tag, n)],
];
