/**
 * The `lists` BIFs (those lists.erl leaves to `erlang:nif_error/1`):
 * reverse/2, member/2, keyfind/3, keymember/3, keysearch/3.
 *
 * BEAM's rules: `member/2` compares with `=:=`, the key functions with `==`
 * (`lists:keyfind(1, 1, [{1.0, a}])` finds it); elements that are not tuples,
 * or too small, are skipped; the walk stops at the first match, so an
 * improper tail after it is never seen, but reaching one is `badarg`. The
 * position N must be a positive integer.
 */
import { equals, exactEquals } from '../terms/compare.js';
import { Cons, NIL, type Term } from '../terms/types.js';
import { badarg, bifTable, type Bif } from './erlang-args.js';

function reverse(l: Term, tail: Term): Term {
  let r = tail;
  let x = l;
  while (x instanceof Cons) {
    r = new Cons(x.hd, r);
    x = x.tl;
  }
  return x === NIL ? r : badarg();
}

function member(e: Term, l: Term): Term {
  let x = l;
  while (x instanceof Cons) {
    if (x.hd === e || exactEquals(x.hd, e)) return 'true';
    x = x.tl;
  }
  return x === NIL ? 'false' : badarg();
}

/** The first tuple whose N-th element == Key, or undefined. */
function keyfind(key: Term, n: Term, l: Term): Term[] | undefined {
  if (typeof n !== 'number' || n < 1) return badarg();
  let x = l;
  while (x instanceof Cons) {
    const t = x.hd;
    if (Array.isArray(t) && t.length >= n) {
      const k = t[n - 1]!;
      if (k === key || equals(k, key)) return t;
    }
    x = x.tl;
  }
  return x === NIL ? undefined : badarg();
}

export const listsBifs: Map<string, Bif> = bifTable([
  ['reverse/2', (_p, l, t) => reverse(l, t)],
  ['member/2', (_p, e, l) => member(e, l)],
  ['keyfind/3', (_p, k, n, l) => keyfind(k, n, l) ?? 'false'],
  ['keymember/3', (_p, k, n, l) => (keyfind(k, n, l) === undefined ? 'false' : 'true')],
  ['keysearch/3', (_p, k, n, l) => {
    const t = keyfind(k, n, l);
    return t === undefined ? 'false' : ['value', t];
  }],
]);
