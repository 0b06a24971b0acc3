/**
 * Arithmetic BIFs of the `erlang` module: `+ - * / div rem`, the bitwise
 * operators, unary `-`/`+`, `abs/1`, `float/1` and the rounding BIFs.
 *
 * Integers are `number` when safe, else `bigint`, always normalised (types.ts).
 * The number/number paths come first; bigint paths are exact. Rules that are
 * BEAM's, not JavaScript's:
 * - a float result must be finite, else `badarith` (BEAM has no inf/NaN);
 * - an integer converts to a float as BEAM's `big_to_double` does: 64-bit
 *   digits accumulated from the most significant one (`d = d * 2^64 + digit`),
 *   which is not always the correctly rounded value JS's `Number(bigint)`
 *   gives; an integer too large for a double is `badarith` (`badarg` in
 *   `float/1`);
 * - an integer result whose magnitude needs more than 33,554,368 bits (64-bit
 *   digits × (2^19 − 1), BEAM's bignum limit) raises `system_limit`;
 * - `abs/1`, `float/1`, `trunc/1`, ... raise `badarg` (they are BIFs), the
 *   operators raise `badarith`.
 */
import { ErlFloat, normInt, type Int, type Term } from '../terms/types.js';
import { badarg, badarith, systemLimit, type Bif } from './erlang-args.js';

const MAX = Number.MAX_SAFE_INTEGER;
const MIN = Number.MIN_SAFE_INTEGER;

/** BEAM's largest integer needs this many bits of magnitude. */
export const MAX_INT_BITS = 64 * ((1 << 19) - 1);
const MAX_INT_BITS_N = BigInt(MAX_INT_BITS);

const MAX_DOUBLE_BIG = BigInt(Number.MAX_VALUE);

const isInt = (t: Term): t is Int => typeof t === 'number' || typeof t === 'bigint';
const big = (t: Int): bigint => (typeof t === 'bigint' ? t : BigInt(t));

/**
 * Normalise a bigint result, raising `system_limit` beyond BEAM's bignum
 * size. Values within ±2^1024 (a cheap comparison with a double) are
 * far below the limit; only larger ones pay for the exact test, a shift
 * that V8 answers without touching the digits.
 */
export function bigResult(x: bigint): Int {
  return fitsBeam(x) ? normInt(x) : systemLimit();
}

/** Whether a bigint is within BEAM's bignum size (see bigResult). */
export function fitsBeam(x: bigint): boolean {
  if (x <= MAX_DOUBLE_BIG && x >= -MAX_DOUBLE_BIG) return true;
  return x > 0n ? (x >> MAX_INT_BITS_N) === 0n : ((x - 1n) >> MAX_INT_BITS_N) >= -1n;
}

const TWO64 = 2 ** 64;
const MASK64 = (1n << 64n) - 1n;

/**
 * `big_to_double` (erts big.c): fold the 64-bit digits from the top, each
 * step rounding like C. Undefined when the value overflows a double.
 */
export function bigToDouble(x: bigint): number | undefined {
  const neg = x < 0n;
  let m = neg ? -x : x;
  const digits: number[] = [];
  while (m > 0n) {
    digits.push(Number(m & MASK64)); // uint64 → double, rounded to nearest like C
    m >>= 64n;
  }
  let d = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    d = d * TWO64 + digits[i]!;
    if (!Number.isFinite(d)) return undefined;
  }
  return neg ? -d : d;
}

/** A number term as a double for mixed arithmetic, or undefined. */
export function toDouble(t: Term): number | undefined {
  if (typeof t === 'number') return t;
  if (t instanceof ErlFloat) return t.value;
  if (typeof t === 'bigint') return bigToDouble(t);
  return undefined;
}

/** A finite double as a float term, else `badarith`. */
function floatResult(v: number): ErlFloat {
  return Number.isFinite(v) ? new ErlFloat(v) : badarith();
}

/** Both operands as doubles (at least one is a float), else `badarith`. */
function floatOp(a: Term, b: Term, op: (x: number, y: number) => number): ErlFloat {
  const x = toDouble(a);
  const y = toDouble(b);
  if (x === undefined || y === undefined) return badarith();
  return floatResult(op(x, y));
}

export function add(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX && r >= MIN) return r;
    return normInt(BigInt(a) + BigInt(b));
  }
  if (isInt(a) && isInt(b)) return bigResult(big(a) + big(b));
  return floatOp(a, b, (x, y) => x + y);
}

export function sub(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX && r >= MIN) return r;
    return normInt(BigInt(a) - BigInt(b));
  }
  if (isInt(a) && isInt(b)) return bigResult(big(a) - big(b));
  return floatOp(a, b, (x, y) => x - y);
}

export function mul(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    // Beyond the safe range the double product is inexact: redo it exactly.
    if (r <= MAX && r >= MIN) return r + 0; // + 0 turns -0 into 0
    return normInt(BigInt(a) * BigInt(b));
  }
  if (isInt(a) && isInt(b)) return bigResult(big(a) * big(b));
  return floatOp(a, b, (x, y) => x * y);
}

/** `/`: always a float; a zero divisor is `badarith`. */
export function fdiv(a: Term, b: Term): Term {
  const x = toDouble(a);
  const y = toDouble(b);
  if (x === undefined || y === undefined || y === 0) return badarith();
  return floatResult(x / y);
}

export function intDiv(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
    // Exact: for |a| < 2^53 the rounded quotient never crosses an integer.
    return Math.trunc(a / b) + 0;
  }
  if (!isInt(a) || !isInt(b) || b === 0) return badarith();
  return normInt(big(a) / big(b));
}

export function rem(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number' && b !== 0) return (a % b) + 0;
  if (!isInt(a) || !isInt(b) || b === 0) return badarith();
  return normInt(big(a) % big(b));
}

const isI32 = (n: Term): n is number => typeof n === 'number' && (n | 0) === n;

export function band(a: Term, b: Term): Term {
  if (isI32(a) && isI32(b)) return a & b;
  if (!isInt(a) || !isInt(b)) return badarith();
  return normInt(big(a) & big(b));
}

export function bor(a: Term, b: Term): Term {
  if (isI32(a) && isI32(b)) return a | b;
  if (!isInt(a) || !isInt(b)) return badarith();
  return normInt(big(a) | big(b));
}

export function bxor(a: Term, b: Term): Term {
  if (isI32(a) && isI32(b)) return a ^ b;
  if (!isInt(a) || !isInt(b)) return badarith();
  return normInt(big(a) ^ big(b));
}

export function bnot(a: Term): Term {
  if (isI32(a)) return ~a;
  if (!isInt(a)) return badarith();
  return normInt(-big(a) - 1n);
}

export function bsl(a: Term, n: Term): Term {
  if (!isInt(a) || !isInt(n)) return badarith();
  return shift(a, n);
}

export function bsr(a: Term, n: Term): Term {
  if (!isInt(a) || !isInt(n)) return badarith();
  return shift(a, typeof n === 'number' ? -n : normInt(-n));
}

/** `a × 2^n`; a negative `n` shifts right, rounding toward −infinity. */
function shift(a: Int, n: Int): Term {
  if (a === 0) return 0;
  if (n > 0) {
    // Any non-zero value shifted this far is past the limit.
    if (n > MAX_INT_BITS) return systemLimit();
    if (typeof a === 'number' && n < 32) {
      const r = a * 2 ** Number(n);
      if (r <= MAX && r >= MIN) return r;
    }
    return bigResult(big(a) << big(n));
  }
  // Right shifts: far enough, only the sign is left.
  if (n < -MAX_INT_BITS) return a < 0 ? -1 : 0;
  const m = -Number(n);
  if (typeof a === 'number') return m >= 64 ? (a < 0 ? -1 : 0) : Math.floor(a / 2 ** m);
  return normInt(a >> BigInt(m));
}

export function neg(a: Term): Term {
  if (typeof a === 'number') return 0 - a;
  if (typeof a === 'bigint') return normInt(-a);
  if (a instanceof ErlFloat) return new ErlFloat(-a.value);
  return badarith();
}

export function plus(a: Term): Term {
  return isInt(a) || a instanceof ErlFloat ? a : badarith();
}

export function abs(a: Term): Term {
  if (typeof a === 'number') return Math.abs(a);
  if (typeof a === 'bigint') return normInt(a < 0n ? -a : a);
  // BEAM negates only values below zero: abs(-0.0) stays -0.0.
  if (a instanceof ErlFloat) return a.value < 0 ? new ErlFloat(-a.value) : a;
  return badarg();
}

export function float(a: Term): Term {
  if (a instanceof ErlFloat) return a;
  if (typeof a === 'number') return new ErlFloat(a);
  if (typeof a === 'bigint') {
    const d = bigToDouble(a);
    return d === undefined ? badarg() : new ErlFloat(d);
  }
  return badarg();
}

/** An integral double as an Erlang integer, exactly. */
export function integralToInt(x: number): Int {
  return x <= MAX && x >= MIN ? x + 0 : normInt(BigInt(x));
}

function rounding(a: Term, f: (x: number) => number): Term {
  if (isInt(a)) return a;
  if (a instanceof ErlFloat) return integralToInt(f(a.value));
  return badarg();
}

/** C's round(): halves away from zero (JS Math.round rounds them up). */
const roundHalfAway = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x));

export const trunc = (a: Term): Term => rounding(a, Math.trunc);
export const floor = (a: Term): Term => rounding(a, Math.floor);
export const ceil = (a: Term): Term => rounding(a, Math.ceil);
export const round = (a: Term): Term => rounding(a, roundHalfAway);

export const arithBifs: [string, Bif][] = [
  ['+/2', (_p, a, b) => add(a, b)],
  ['-/2', (_p, a, b) => sub(a, b)],
  ['*/2', (_p, a, b) => mul(a, b)],
  ['//2', (_p, a, b) => fdiv(a, b)],
  ['div/2', (_p, a, b) => intDiv(a, b)],
  ['rem/2', (_p, a, b) => rem(a, b)],
  ['band/2', (_p, a, b) => band(a, b)],
  ['bor/2', (_p, a, b) => bor(a, b)],
  ['bxor/2', (_p, a, b) => bxor(a, b)],
  ['bsl/2', (_p, a, b) => bsl(a, b)],
  ['bsr/2', (_p, a, b) => bsr(a, b)],
  ['bnot/1', (_p, a) => bnot(a)],
  ['-/1', (_p, a) => neg(a)],
  ['+/1', (_p, a) => plus(a)],
  ['abs/1', (_p, a) => abs(a)],
  ['float/1', (_p, a) => float(a)],
  ['trunc/1', (_p, a) => trunc(a)],
  ['floor/1', (_p, a) => floor(a)],
  ['ceil/1', (_p, a) => ceil(a)],
  ['round/1', (_p, a) => round(a)],
];
