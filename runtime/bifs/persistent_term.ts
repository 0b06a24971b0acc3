/**
 * The `persistent_term` module: a key/value store per runtime, keys compared
 * with `=:=`. persistent_term.erl is all `nif_error` stubs, so the public
 * functions themselves are overlaid.
 *
 * BEAM copies a stored value into a literal area so that processes can share
 * it without copying; our terms are immutable and shared already, so the
 * value is stored as it is.
 *
 * Differences from BEAM: a fresh runtime holds no terms (OTP's own boot stores
 * about 20, so `info()`'s count starts there on erl); `get/0` lists terms in
 * insertion order where BEAM uses its hash table's order; `memory` is an
 * estimate from the terms' heap sizes in 64-bit words, not erts' allocation.
 */
import { exactEquals } from '../terms/compare.js';
import { mapFromEntries } from '../terms/map.js';
import { TermMap } from '../terms/termmap.js';
import {
  BitString, Cons, ErlFloat, Fun, isMap, list, type Term,
} from '../terms/types.js';
import { badarg, bifTable, isSmall, type Bif } from './erlang-args.js';

/** The store of one runtime. */
const stores = new WeakMap<object, TermMap<Term>>();

function storeOf(p: { rt?: object }): TermMap<Term> {
  const key = p.rt ?? p;
  let s = stores.get(key);
  if (s === undefined) {
    s = new TermMap<Term>();
    stores.set(key, s);
  }
  return s;
}

function put(p: { rt?: object }, k: Term, v: Term): Term {
  const s = storeOf(p);
  const old = s.get(k);
  // BEAM keeps the old literal when the new value is =:= (no global GC then).
  if (old === undefined || !exactEquals(old, v)) s.set(k, v);
  return 'ok';
}

function get1(p: { rt?: object }, k: Term): Term {
  return storeOf(p).get(k) ?? badarg();
}

const get2 = (p: { rt?: object }, k: Term, d: Term): Term => storeOf(p).get(k) ?? d;

const get0 = (p: { rt?: object }): Term => list([...storeOf(p).entries()].map(([k, v]) => [k, v]));

const erase = (p: { rt?: object }, k: Term): Term => (storeOf(p).delete(k) === undefined ? 'false' : 'true');

/** Per stored term: erts' entry overhead (measured on OTP 25: 40 bytes per term). */
const ENTRY_BYTES = 40;

function info(p: { rt?: object }): Term {
  const s = storeOf(p);
  let bytes = 0;
  for (const [k, v] of s.entries()) bytes += ENTRY_BYTES + 8 * (heapWords(k) + heapWords(v));
  return mapFromEntries([['count', s.size], ['memory', bytes]]);
}

/**
 * The heap words a term takes on a 64-bit BEAM (erts_debug:flat_size/1),
 * approximately for binaries (refc binaries count their 6-word handle only)
 * and funs. Iterative, for deep lists.
 */
export function heapWords(t0: Term): number {
  let words = 0;
  const todo: Term[] = [t0];
  while (todo.length > 0) {
    const t = todo.pop()!;
    if (typeof t === 'bigint') words += isSmall(t) ? 0 : 1 + Math.ceil((t < 0n ? -t : t).toString(16).length / 16);
    else if (t instanceof ErlFloat) words += 2;
    else if (Array.isArray(t)) {
      words += 1 + t.length;
      todo.push(...t);
    } else if (t instanceof Cons) {
      words += 2;
      todo.push(t.hd, t.tl);
    } else if (t instanceof BitString) words += t.bytes.length <= 64 ? 2 + Math.ceil(t.bytes.length / 8) : 6;
    else if (isMap(t)) {
      // A flatmap: header, size, keys tuple, values.
      words += 3 + t.size * 2 + 1;
      for (const [k, v] of t.entries()) todo.push(k, v);
    } else if (t instanceof Fun) {
      words += 3 + t.env.length;
      todo.push(...t.env);
    }
  }
  return words;
}

export const persistentTermBifs: Map<string, Bif> = bifTable([
  ['put/2', (p, k, v) => put(p, k, v)],
  ['get/1', (p, k) => get1(p, k)],
  ['get/2', (p, k, d) => get2(p, k, d)],
  ['get/0', (p) => get0(p)],
  ['erase/1', (p, k) => erase(p, k)],
  ['info/0', (p) => info(p)],
]);
