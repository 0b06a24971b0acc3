/**
 * What every BIF module shares: the BIF function type, raising Erlang errors,
 * building `"name/arity"` tables, and reading common argument shapes.
 *
 * A BIF is `(p, ...args) => Term`: `p` is the calling process (most BIFs
 * ignore it). It raises exactly where BEAM raises, by throwing an
 * `ErlangError`. The term helpers in runtime/terms throw `TermBadArg` (they do
 * not know about processes); `bifTable` wraps every BIF so that such a marker,
 * or a JS `RangeError` (a value too large for this engine), leaves the BIF as
 * the Erlang error BEAM raises (`badarg`, `system_limit`).
 */
import { ErlangError } from '../process/protocol.js';
import { TermBadArg } from '../terms/errors.js';
import { Cons, NIL, type Term } from '../terms/types.js';

/** A BIF: the calling process, then the Erlang arguments. */
export type Bif = (p: any, ...args: any[]) => Term;

/** Raise `error:Reason`. */
export function fail(reason: Term): never {
  throw new ErlangError('error', reason);
}

/** Raise `error:badarg`. */
export function badarg(): never {
  throw new ErlangError('error', 'badarg');
}

/** Raise `error:badarith`. */
export function badarith(): never {
  throw new ErlangError('error', 'badarith');
}

/** Raise `error:system_limit`. */
export function systemLimit(): never {
  throw new ErlangError('error', 'system_limit');
}

/** The Erlang error a JS exception thrown inside a BIF stands for. */
function toErlang(e: unknown): unknown {
  if (e instanceof TermBadArg) return new ErlangError('error', e.reason);
  // BigInt or array sizes beyond what the JS engine allows.
  if (e instanceof RangeError) return new ErlangError('error', 'system_limit');
  return e;
}

/**
 * Wrap a BIF so term-helper errors become Erlang errors. One wrapper per
 * arity, so the common calls do not go through rest parameters.
 */
function guarded(f: Bif): Bif {
  switch (f.length) {
    case 1:
      return (p) => {
        try { return f(p); } catch (e) { throw toErlang(e); }
      };
    case 2:
      return (p, a) => {
        try { return f(p, a); } catch (e) { throw toErlang(e); }
      };
    case 3:
      return (p, a, b) => {
        try { return f(p, a, b); } catch (e) { throw toErlang(e); }
      };
    case 4:
      return (p, a, b, c) => {
        try { return f(p, a, b, c); } catch (e) { throw toErlang(e); }
      };
    default:
      return (p, ...args) => {
        try { return f(p, ...args); } catch (e) { throw toErlang(e); }
      };
  }
}

/** A BIF table keyed `"name/arity"`, every entry wrapped by `guarded`. */
export function bifTable(entries: Iterable<readonly [string, Bif]>): Map<string, Bif> {
  const m = new Map<string, Bif>();
  for (const [k, f] of entries) {
    if (m.has(k)) throw new Error(`duplicate BIF ${k}`);
    m.set(k, guarded(f));
  }
  return m;
}

/** The elements of a proper list, or undefined for anything else. */
export function listToArray(t: Term): Term[] | undefined {
  const out: Term[] = [];
  while (t instanceof Cons) {
    out.push(t.hd);
    t = t.tl;
  }
  return t === NIL ? out : undefined;
}

/** The elements of a proper list; `badarg` for anything else. */
export function properList(t: Term): Term[] {
  return listToArray(t) ?? badarg();
}

/** A non-negative safe integer argument, else `badarg`. */
export function nonNegInt(t: Term): number {
  if (typeof t === 'number' && t >= 0) return t;
  return badarg();
}

/** An atom argument, else `badarg`. */
export function atomArg(t: Term): string {
  return typeof t === 'string' ? t : badarg();
}

const SMALL_MIN = -(2n ** 59n);
const SMALL_MAX = 2n ** 59n - 1n;

/**
 * A "small" integer of a 64-bit BEAM (60 bits, signed). Some BIFs accept
 * only those, and treat a bignum argument as `badarg`.
 */
export const isSmall = (n: Term): n is number | bigint =>
  typeof n === 'number' || (typeof n === 'bigint' && n >= SMALL_MIN && n <= SMALL_MAX);
