/**
 * Arithmetic with BEAM's semantics, for the inline `gc_bif`/`bif`
 * instructions of compiled code.
 *
 * Convention shared with guards.ts: an operation returns the result term, or
 * `undefined` when BEAM would raise. The raise reason is the operation's
 * default (`badarith` for arithmetic, `badarg` for the rest) unless the
 * operation recorded another one in `failure.reason` (e.g. `system_limit`).
 * Generated code turns `undefined` into a jump to the fail label (guards)
 * or into an exception with the BIF's stack frame (bodies), so guard
 * failures never cost a JS throw.
 *
 * Integers are `number` when safe, else `bigint` (types.ts); the fast paths
 * are the number/number cases, written so V8 can inline them.
 */
import { ErlFloat, normInt, type Int, type Term } from '../terms/types.js';
import { fitsBeam } from '../bifs/erlang-arith.js';

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;

/** The non-default reason of the last failed operation (consumed by the raiser). */
export const failure: { reason: Term | undefined } = { reason: undefined };

function fail(reason: Term): undefined {
  failure.reason = reason;
  return undefined;
}

const isInt = (t: Term): t is Int => typeof t === 'number' || typeof t === 'bigint';

/** A bigint result: normalised, or a `system_limit` failure beyond BEAM's bignum size. */
const bigOut = (x: bigint): Term | undefined => (fitsBeam(x) ? normInt(x) : fail('system_limit'));

/** A finite JS number as a boxed float, or undefined (badarith) for inf/NaN. */
export function mkFloat(v: number): ErlFloat | undefined {
  return Number.isFinite(v) ? new ErlFloat(v) : undefined;
}

/** A term as a JS float for mixed arithmetic; undefined if not a number or too large. */
function asFloat(t: Term): number | undefined {
  if (typeof t === 'number') return t;
  if (t instanceof ErlFloat) return t.value;
  if (typeof t === 'bigint') {
    const v = Number(t);
    return Number.isFinite(v) ? v : undefined;
  }
  return undefined;
}

const big = (t: Int): bigint => (typeof t === 'bigint' ? t : BigInt(t));

export function add(a: Term, b: Term): Term | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX && r >= MIN) return r;
    return bigOut(BigInt(a) + BigInt(b));
  }
  return addSlow(a, b);
}

function addSlow(a: Term, b: Term): Term | undefined {
  if (isInt(a) && isInt(b)) return bigOut(big(a) + big(b));
  if (a instanceof ErlFloat || b instanceof ErlFloat) {
    const x = asFloat(a);
    const y = asFloat(b);
    if (x === undefined || y === undefined) return undefined;
    return mkFloat(x + y);
  }
  return undefined;
}

export function sub(a: Term, b: Term): Term | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= MIN) return r;
    return bigOut(BigInt(a) - BigInt(b));
  }
  if (isInt(a) && isInt(b)) return bigOut(big(a) - big(b));
  if (a instanceof ErlFloat || b instanceof ErlFloat) {
    const x = asFloat(a);
    const y = asFloat(b);
    if (x === undefined || y === undefined) return undefined;
    return mkFloat(x - y);
  }
  return undefined;
}

export function mul(a: Term, b: Term): Term | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    // A product outside the safe range is inexact: redo it with bigints.
    if (r <= MAX && r >= MIN) return r + 0; // + 0 turns -0 into 0
    return bigOut(BigInt(a) * BigInt(b));
  }
  if (isInt(a) && isInt(b)) return bigOut(big(a) * big(b));
  if (a instanceof ErlFloat || b instanceof ErlFloat) {
    const x = asFloat(a);
    const y = asFloat(b);
    if (x === undefined || y === undefined) return undefined;
    return mkFloat(x * y);
  }
  return undefined;
}

/** `/`: always a float; division by zero is badarith. */
export function fdiv(a: Term, b: Term): Term | undefined {
  const x = asFloat(a);
  const y = asFloat(b);
  if (x === undefined || y === undefined || y === 0) return undefined;
  return mkFloat(x / y);
}

export function idiv(a: Term, b: Term): Term | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) return undefined;
    // Exact for safe integers: a correctly rounded quotient never rounds across an integer.
    return Math.trunc(a / b) + 0;
  }
  if (isInt(a) && isInt(b)) {
    if (b === 0 || b === 0n) return undefined;
    return bigOut(big(a) / big(b));
  }
  return undefined;
}

export function rem(a: Term, b: Term): Term | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) return undefined;
    return (a % b) + 0;
  }
  if (isInt(a) && isInt(b)) {
    if (b === 0 || b === 0n) return undefined;
    return bigOut(big(a) % big(b));
  }
  return undefined;
}

const I32_MIN = -0x80000000;
const I32_MAX = 0x7fffffff;
const isI32 = (n: number): boolean => n >= I32_MIN && n <= I32_MAX;

export function band(a: Term, b: Term): Term | undefined {
  if (typeof a === 'number' && typeof b === 'number' && isI32(a) && isI32(b)) return a & b;
  if (isInt(a) && isInt(b)) return bigOut(big(a) & big(b));
  return undefined;
}

export function bor(a: Term, b: Term): Term | undefined {
  if (typeof a === 'number' && typeof b === 'number' && isI32(a) && isI32(b)) return a | b;
  if (isInt(a) && isInt(b)) return bigOut(big(a) | big(b));
  return undefined;
}

export function bxor(a: Term, b: Term): Term | undefined {
  if (typeof a === 'number' && typeof b === 'number' && isI32(a) && isI32(b)) return a ^ b;
  if (isInt(a) && isInt(b)) return bigOut(big(a) ^ big(b));
  return undefined;
}

export function bnot(a: Term): Term | undefined {
  // -(2^53 - 1) - 1 leaves the safe range: bigOut makes it a bigint.
  if (typeof a === 'number') return (a | 0) === a ? ~a : bigOut(-BigInt(a) - 1n);
  if (typeof a === 'bigint') return bigOut(-a - 1n);
  return undefined;
}

/** BEAM refuses shifts that would build absurdly large integers. */
const MAX_SHIFT = 1 << 26;

export function bsl(a: Term, b: Term): Term | undefined {
  if (!isInt(a) || !isInt(b)) return undefined;
  return shift(a, typeof b === 'bigint' ? b : BigInt(b));
}

export function bsr(a: Term, b: Term): Term | undefined {
  if (!isInt(a) || !isInt(b)) return undefined;
  return shift(a, -(typeof b === 'bigint' ? b : BigInt(b)));
}

/** a * 2^n (n < 0: arithmetic shift right, rounding toward -infinity). */
function shift(a: Int, n: bigint): Term | undefined {
  if (a === 0 || a === 0n) return 0;
  if (n > 0n) {
    if (n > BigInt(MAX_SHIFT)) return fail('system_limit');
    if (typeof a === 'number' && n < 31n) {
      const r = a * 2 ** Number(n);
      if (r <= MAX && r >= MIN) return r;
    }
    return bigOut(big(a) << n);
  }
  const m = -n;
  if (typeof a === 'number') {
    if (m >= 64n) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** Number(m));
  }
  if (m > BigInt(MAX_SHIFT)) return a < 0n ? -1 : 0;
  return bigOut(a >> m);
}

export function neg(a: Term): Term | undefined {
  if (typeof a === 'number') return 0 - a;
  if (typeof a === 'bigint') return bigOut(-a);
  if (a instanceof ErlFloat) return new ErlFloat(-a.value);
  return undefined;
}

export function plus(a: Term): Term | undefined {
  return typeof a === 'number' || typeof a === 'bigint' || a instanceof ErlFloat ? a : undefined;
}

// ---- numeric BIFs (badarg on bad arguments) ----

export function abs(a: Term): Term | undefined {
  if (typeof a === 'number') return Math.abs(a);
  if (typeof a === 'bigint') return bigOut(a < 0n ? -a : a);
  // BEAM negates only values below zero: abs(-0.0) stays -0.0.
  if (a instanceof ErlFloat) return a.value < 0 ? new ErlFloat(-a.value) : a;
  return undefined;
}

export function float(a: Term): Term | undefined {
  if (a instanceof ErlFloat) return a;
  if (typeof a === 'number') return new ErlFloat(a);
  if (typeof a === 'bigint') return mkFloat(Number(a));
  return undefined;
}

/** An integral JS float as an Erlang integer (exact, bigint when large). */
function fromIntegral(x: number): Int {
  return x <= MAX && x >= MIN ? x + 0 : normInt(BigInt(x));
}

function rounding(a: Term, f: (x: number) => number): Term | undefined {
  if (typeof a === 'number' || typeof a === 'bigint') return a;
  if (a instanceof ErlFloat) return fromIntegral(f(a.value));
  return undefined;
}

export const trunc = (a: Term): Term | undefined => rounding(a, Math.trunc);
export const floor = (a: Term): Term | undefined => rounding(a, Math.floor);
export const ceil = (a: Term): Term | undefined => rounding(a, Math.ceil);
/** Erlang rounds halves away from zero (JS Math.round rounds them up). */
export const round = (a: Term): Term | undefined =>
  rounding(a, (x) => (x < 0 ? -Math.round(-x) : Math.round(x)));

// ---- float registers (fadd & co. work on raw JS numbers) ----

/** `fconv`: an integer or float term → JS number, else badarith. */
export function fconv(a: Term): number | undefined {
  if (typeof a === 'number') return a;
  if (a instanceof ErlFloat) return a.value;
  if (typeof a === 'bigint') {
    const v = Number(a);
    return Number.isFinite(v) ? v : undefined;
  }
  return undefined;
}
