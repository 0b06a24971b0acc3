/**
 * Float formatting exactly as OTP 25 prints floats.
 *
 * `formatFloatShort` is `float_to_list(X, [short])`, which is also what `~w`,
 * `~p` and `io_lib:write/1` print (io_lib_format:fwrite_g/1 calls it). It takes
 * the shortest digit string that reads back as the same double (JS's
 * `toExponential()` without an argument yields exactly those digits), then lays
 * them out the way OTP does:
 * - |x| >= 2^53: always scientific, `d.ddde±N`;
 * - otherwise the shorter of the plain (`123.45`, `0.001`, `100.0`) and the
 *   scientific (`1.0e3`) forms, plain winning a tie.
 *
 * `floatToListDefault` is `float_to_list(X)`, C's `%.20e`: 21 significant digits
 * of the exact binary value, rounded half-to-even (glibc), which JS's
 * `toExponential(20)` does not do (it rounds ties up), so the digits are computed
 * exactly with bigints.
 */

const TWO_53 = 2 ** 53;

/** Shortest round-trip digits `ds` and exponent: |x| = 0.ds × 10^place. */
function shortestDigits(ax: number): { ds: string; place: number } {
  const s = ax.toExponential(); // "d.ddde+N"
  const e = s.indexOf('e');
  const ds = s.slice(0, e).replace('.', '');
  return { ds, place: Number(s.slice(e + 1)) + 1 };
}

/** `float_to_list(X, [short])` / `~w` of a float. */
export function formatFloatShort(x: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const ax = Math.abs(x);
  if (ax === 0) return sign + '0.0';
  const { ds, place } = shortestDigits(ax);
  const sci = scientific(ds, place);
  if (ax >= TWO_53) return sign + sci;
  const plain = plainForm(ds, place);
  return sign + (plain.length <= sci.length ? plain : sci);
}

function scientific(ds: string, place: number): string {
  const frac = ds.length > 1 ? ds.slice(1) : '0';
  return `${ds[0]}.${frac}e${place - 1}`;
}

function plainForm(ds: string, place: number): string {
  if (place <= 0) return '0.' + '0'.repeat(-place) + ds;
  if (place >= ds.length) return ds + '0'.repeat(place - ds.length) + '.0';
  return ds.slice(0, place) + '.' + ds.slice(place);
}

/** The exact decimal expansion of a positive finite double: digits × 10^exp10. */
function exactDecimal(ax: number): { digits: string; exp10: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, ax);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mant |= 1n << 52n;
  const e2 = (biased === 0 ? 1 : biased) - 1075;
  // m × 2^-k = m × 5^k / 10^k
  if (e2 >= 0) return { digits: (mant << BigInt(e2)).toString(), exp10: 0 };
  return { digits: (mant * 5n ** BigInt(-e2)).toString(), exp10: e2 };
}

/** Round a digit string to `n` significant digits, half to even. */
function roundDigits(digits: string, n: number): { digits: string; carry: boolean } {
  if (digits.length <= n) return { digits: digits.padEnd(n, '0'), carry: false };
  let head = BigInt(digits.slice(0, n));
  const next = digits.charCodeAt(n) - 48;
  const restNonZero = /[1-9]/.test(digits.slice(n + 1));
  if (next > 5 || (next === 5 && (restNonZero || (head & 1n) === 1n))) head += 1n;
  const s = head.toString();
  // 99..9 rounding up gains a digit: drop it and bump the exponent.
  return s.length > n ? { digits: s.slice(0, n), carry: true } : { digits: s, carry: false };
}

/** `float_to_list(X)`: `%.20e`, e.g. `1.00000000000000000000e+00`. */
export function floatToListDefault(x: number): string {
  return formatScientific(x, 20);
}

/** C's `%.<decimals>e` (half-to-even on exact ties, like glibc). */
export function formatScientific(x: number, decimals: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const ax = Math.abs(x);
  if (ax === 0) return `${sign}${decimals > 0 ? '0.' + '0'.repeat(decimals) : '0'}e+00`;
  const { digits, exp10 } = exactDecimal(ax);
  const r = roundDigits(digits, decimals + 1);
  const e = digits.length - 1 + exp10 + (r.carry ? 1 : 0);
  const mant = decimals > 0 ? `${r.digits[0]}.${r.digits.slice(1)}` : r.digits;
  const es = String(Math.abs(e)).padStart(2, '0');
  return `${sign}${mant}e${e < 0 ? '-' : '+'}${es}`;
}
