/**
 * Tuple and list BIFs of the `erlang` module: element/setelement and the
 * other tuple builders, hd/tl/length, `++` and `--`, and the size BIFs.
 *
 * Lists are walked with loops (never recursion), so a list of any length
 * costs no JS stack. A tuple has at most 16,777,215 elements (BEAM's
 * MAX_ARITY); asking for more is `badarg`, as on BEAM.
 */
import { exactEquals } from '../terms/compare.js';
import { phash2 } from '../terms/hash.js';
import { BitString, Cons, NIL, list, type Term } from '../terms/types.js';
import { badarg, listToArray, properList, type Bif } from './erlang-args.js';

/** BEAM's largest tuple (MAX_ARITY, 24 bits of arity). */
export const MAX_TUPLE_SIZE = (1 << 24) - 1;

function tupleArg(t: Term): Term[] {
  return Array.isArray(t) ? t : badarg();
}

/** A 1-based index into `t` (1..t.length + extra), else `badarg`. */
function position(n: Term, t: Term[], extra = 0): number {
  if (typeof n !== 'number' || n < 1 || n > t.length + extra) return badarg();
  return n;
}

function element(n: Term, t: Term): Term {
  const tuple = tupleArg(t);
  return tuple[position(n, tuple) - 1]!;
}

function setelement(n: Term, t: Term, v: Term): Term {
  const tuple = tupleArg(t);
  const i = position(n, tuple);
  const out = tuple.slice();
  out[i - 1] = v;
  return out;
}

function tupleSize(n: Term): number {
  if (typeof n !== 'number' || n < 0 || n > MAX_TUPLE_SIZE) return badarg();
  return n;
}

function makeTuple2(n: Term, v: Term): Term {
  return new Array<Term>(tupleSize(n)).fill(v);
}

/** `make_tuple(N, Default, [{Pos, Value}])`: the last occurrence of a Pos wins. */
function makeTuple3(n: Term, v: Term, init: Term): Term {
  const out = new Array<Term>(tupleSize(n)).fill(v);
  for (const e of properList(init)) {
    if (!Array.isArray(e) || e.length !== 2) return badarg();
    out[position(e[0]!, out) - 1] = e[1]!;
  }
  return out;
}

function appendElement(t: Term, v: Term): Term {
  const tuple = tupleArg(t);
  if (tuple.length >= MAX_TUPLE_SIZE) return badarg();
  return [...tuple, v];
}

function insertElement(n: Term, t: Term, v: Term): Term {
  const tuple = tupleArg(t);
  const i = position(n, tuple, 1);
  if (tuple.length >= MAX_TUPLE_SIZE) return badarg();
  const out = tuple.slice();
  out.splice(i - 1, 0, v);
  return out;
}

function deleteElement(n: Term, t: Term): Term {
  const tuple = tupleArg(t);
  const i = position(n, tuple);
  const out = tuple.slice();
  out.splice(i - 1, 1);
  return out;
}

function listToTuple(l: Term): Term {
  const items = properList(l);
  return items.length > MAX_TUPLE_SIZE ? badarg() : items;
}

function length(l: Term): number {
  let n = 0;
  while (l instanceof Cons) {
    n++;
    l = l.tl;
  }
  return l === NIL ? n : badarg();
}

/** `A ++ B`: A must be a proper list; B is shared, whatever it is. */
export function append(a: Term, b: Term): Term {
  if (a === NIL) return b;
  return list(properList(a), b);
}

/**
 * `A -- B`: for each element of B, the first element of A that is exactly
 * equal (`=:=`) is removed. Equivalent, and linear: walk A once, dropping an
 * element while B still holds an unused copy of it. Both must be proper lists.
 */
export function subtract(a: Term, b: Term): Term {
  const bs = listToArray(b);
  if (listToArray(a) === undefined || bs === undefined) return badarg();
  if (bs.length === 0) return a;
  const pending = new Multiset(bs);
  const out: Term[] = [];
  let cell = a;
  while (cell instanceof Cons) {
    if (!pending.take(cell.hd)) out.push(cell.hd);
    else if (pending.size === 0) return list(out, cell.tl); // share the rest
    cell = cell.tl;
  }
  return list(out);
}

/** A bag of terms under `=:=`; small bags are scanned, larger ones hashed. */
class Multiset {
  private small: Term[] | undefined;
  private buckets: Map<number, Term[]> | undefined;
  size: number;
  constructor(items: Term[]) {
    this.size = items.length;
    if (items.length <= 16) {
      this.small = items.slice();
      return;
    }
    this.buckets = new Map();
    for (const t of items) {
      const h = phash2(t);
      const b = this.buckets.get(h);
      if (b === undefined) this.buckets.set(h, [t]);
      else b.push(t);
    }
  }
  /** Remove one copy of `x`; false when there is none. */
  take(x: Term): boolean {
    const arr = this.small ?? this.buckets!.get(phash2(x));
    if (arr === undefined) return false;
    for (let i = 0; i < arr.length; i++) {
      if (arr[i] === x || exactEquals(arr[i]!, x)) {
        arr.splice(i, 1);
        this.size--;
        return true;
      }
    }
    return false;
  }
}

function bitstringArg(b: Term): BitString {
  return b instanceof BitString ? b : badarg();
}

/** `size/1`: tuple size, or the number of whole bytes of a bitstring. */
function size(t: Term): number {
  if (Array.isArray(t)) return t.length;
  if (t instanceof BitString) return t.bitSize >>> 3;
  return badarg();
}

export const dataBifs: [string, Bif][] = [
  ['element/2', (_p, n, t) => element(n, t)],
  ['setelement/3', (_p, n, t, v) => setelement(n, t, v)],
  ['tuple_size/1', (_p, t) => tupleArg(t).length],
  ['make_tuple/2', (_p, n, v) => makeTuple2(n, v)],
  ['make_tuple/3', (_p, n, v, init) => makeTuple3(n, v, init)],
  ['append_element/2', (_p, t, v) => appendElement(t, v)],
  ['insert_element/3', (_p, n, t, v) => insertElement(n, t, v)],
  ['delete_element/2', (_p, n, t) => deleteElement(n, t)],
  ['tuple_to_list/1', (_p, t) => list(tupleArg(t))],
  ['list_to_tuple/1', (_p, l) => listToTuple(l)],

  ['hd/1', (_p, l) => (l instanceof Cons ? l.hd : badarg())],
  ['tl/1', (_p, l) => (l instanceof Cons ? l.tl : badarg())],
  ['length/1', (_p, l) => length(l)],
  ['++/2', (_p, a, b) => append(a, b)],
  ['append/2', (_p, a, b) => append(a, b)],
  ['--/2', (_p, a, b) => subtract(a, b)],
  ['subtract/2', (_p, a, b) => subtract(a, b)],

  ['size/1', (_p, t) => size(t)],
  ['byte_size/1', (_p, b) => bitstringArg(b).bytes.length],
  ['bit_size/1', (_p, b) => bitstringArg(b).bitSize],
];
