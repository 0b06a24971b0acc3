/**
 * The `math` BIFs (math.erl leaves all but pi/0 to `erlang:nif_error/1`).
 *
 * As erts' math BIFs: each argument in turn must be a number (else
 * `badarg`) that converts to a double (a bignum beyond the double range is
 * `badarith`); the C function's result must be finite, so a NaN or an
 * infinity (log(0), sqrt(-1), pow overflow, asin(2), ...) is `badarith`.
 *
 * The functions are JavaScript's `Math` ones, which V8 computes with its own
 * fdlibm port while erl uses the C library: both are within an ulp and
 * agree on the inputs the tests measure (see test/bifs/math.test.ts), but a
 * last-bit difference on some input is possible. erf/erfc are our own
 * (./math-erf.ts), evaluated in the same order as the GNU C library.
 */
import { ErlFloat, type Term } from '../terms/types.js';
import { toDouble } from './erlang-arith.js';
import { erf, erfc } from './math-erf.js';
import { badarg, badarith, bifTable, type Bif } from './erlang-args.js';

/** One argument as a double: `badarg` when not a number, `badarith` when it overflows. */
function arg(t: Term): number {
  if (typeof t !== 'number' && typeof t !== 'bigint' && !(t instanceof ErlFloat)) return badarg();
  return toDouble(t) ?? badarith();
}

const result = (v: number): ErlFloat => (Number.isFinite(v) ? new ErlFloat(v) : badarith());

const unary = (f: (x: number) => number): Bif => (_p, x) => result(f(arg(x)));

const binary = (f: (x: number, y: number) => number): Bif =>
  (_p, x, y) => {
    const a = arg(x);
    return result(f(a, arg(y)));
  };

export const mathBifs: Map<string, Bif> = bifTable([
  ['sin/1', unary(Math.sin)],
  ['cos/1', unary(Math.cos)],
  ['tan/1', unary(Math.tan)],
  ['asin/1', unary(Math.asin)],
  ['acos/1', unary(Math.acos)],
  ['atan/1', unary(Math.atan)],
  ['atan2/2', binary(Math.atan2)],
  ['sinh/1', unary(Math.sinh)],
  ['cosh/1', unary(Math.cosh)],
  ['tanh/1', unary(Math.tanh)],
  ['asinh/1', unary(Math.asinh)],
  ['acosh/1', unary(Math.acosh)],
  ['atanh/1', unary(Math.atanh)],
  ['exp/1', unary(Math.exp)],
  ['log/1', unary(Math.log)],
  ['log2/1', unary(Math.log2)],
  ['log10/1', unary(Math.log10)],
  ['pow/2', binary(Math.pow)],
  ['sqrt/1', unary(Math.sqrt)],
  ['erf/1', unary(erf)],
  ['erfc/1', unary(erfc)],
  ['ceil/1', unary(Math.ceil)],
  ['floor/1', unary(Math.floor)],
  // C's fmod and JS's % are both the exact remainder with the dividend's sign.
  ['fmod/2', binary((x, y) => x % y)],
]);
