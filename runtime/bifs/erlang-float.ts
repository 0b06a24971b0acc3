/**
 * Float text conversions: float_to_list/1,2, float_to_binary/1,2,
 * list_to_float/1, binary_to_float/1, with OTP 25's exact output.
 *
 * float_to_list/2 options are read left to right; the last of `short`,
 * `{decimals, N}` and `{scientific, N}` decides the format, `compact` may
 * appear anywhere. The formats (erts bif.c do_float_to_charbuf):
 * - default and `{scientific, N}`: C's `%.*e` (a negative N means 6);
 * - `short`: the shortest text that reads back as the same float;
 * - `{decimals, N}`: erts' sys_double_to_chars_fast. For |x| ≤ 2^53 and
 *   N < 19 it rounds the fraction with C `round()` (halves away from zero,
 *   on the already-rounded product `frac × 10^N`), which is not what `%.Nf`
 *   does; beyond that it is `%.Nf` (exact, half to even). The sign is the
 *   sign bit, so -0.0 prints `-0.00`. `compact` drops trailing zeros (keeping
 *   one after the point); in the `%.Nf` case it also strips the zeros of an
 *   integral result (`float_to_list(1.0e20, [{decimals, 0}, compact])` is
 *   "1" on OTP 25, and so it is here).
 * The text must fit erts' 256-byte buffer (255 characters), else `badarg`.
 *
 * Parsing (sys_chars_to_double): `[+-]digits(.|,)digits([eE][+-]digits)`,
 * nothing else; the text ends at a NUL byte, as C strings do; a result that
 * overflows is `badarg`, underflow gives 0.0.
 */
import { floatToListDefault, formatFloatShort, formatScientific } from '../terms/float.js';
import { BitString, Cons, ErlFloat, NIL, charlist, type Term } from '../terms/types.js';
import { badarg, isSmall, type Bif } from './erlang-args.js';
import { binaryBytes, byteListText, bytesText } from './erlang-convert.js';

/** erts formats floats into a 256-byte buffer, NUL included. */
const MAX_TEXT = 255;
const MAX_FAST = 2 ** 53;
const FAST_DECIMALS = 19;

type Format = { kind: 'legacy' | 'short' | 'fixed' | 'scientific'; decimals: number; compact: boolean };

function parseOptions(opts: Term): Format {
  const f: Format = { kind: 'legacy', decimals: 20, compact: false };
  let l = opts;
  for (; l instanceof Cons; l = l.tl) {
    const o = l.hd;
    if (o === 'compact') f.compact = true;
    else if (o === 'short') f.kind = 'short';
    else if (Array.isArray(o) && o.length === 2 && isSmall(o[1]!)) {
      if (o[0] === 'decimals') f.kind = 'fixed';
      else if (o[0] === 'scientific') f.kind = 'scientific';
      else return badarg();
      // erts stores the count in a C int: only the low 32 bits count.
      f.decimals = Number(BigInt.asIntN(32, BigInt(o[1] as number | bigint)));
    } else {
      return badarg();
    }
  }
  return l === NIL ? f : badarg();
}


export function floatText(x: Term, opts: Term = NIL): string {
  if (!(x instanceof ErlFloat)) return badarg();
  const f = parseOptions(opts);
  let s: string | undefined;
  switch (f.kind) {
    case 'short':
      return formatFloatShort(x.value);
    case 'fixed':
      s = fixed(x.value, f.decimals, f.compact);
      break;
    default:
      s = formatScientific(x.value, f.decimals < 0 ? 6 : f.decimals);
  }
  return s !== undefined && s.length <= MAX_TEXT ? s : badarg();
}

const signOf = (x: number): string => (x < 0 || Object.is(x, -0) ? '-' : '');

/** sys_double_to_chars_fast: `{decimals, N}` (undefined for a negative N). */
function fixed(x: number, decimals: number, compact: boolean): string | undefined {
  if (decimals < 0) return undefined;
  const ax = Math.abs(x);
  if (ax > MAX_FAST || decimals >= FAST_DECIMALS) {
    // Anything longer than the buffer is refused anyway: skip the digits.
    if (decimals > MAX_TEXT || ax >= 1e256) return undefined;
    const s = signOf(x) + exactFixed(ax, decimals);
    // erts checks the length before dropping zeros.
    if (s.length > MAX_TEXT) return undefined;
    return compact ? stripTrailingZeros(s) : s;
  }
  if (decimals === 0) return signOf(x) + String(roundHalfAway(ax));
  const scale = 10 ** decimals;
  const intF = Math.floor(ax);
  const fracF = roundHalfAway((ax - intF) * scale);
  let intPart = BigInt(intF);
  let frac = BigInt(fracF);
  if (fracF >= scale) {
    intPart += 1n; // rounding carried into the integer part
    frac = 0n;
  }
  const s = `${signOf(x)}${intPart}.${String(frac).padStart(decimals, '0')}`;
  return compact ? stripTrailingZeros(s) : s;
}

/** C `round()`: halves away from zero (x ≥ 0 here). */
const roundHalfAway = (x: number): number => Math.round(x);

/** erts' find_first_trailing_zero: drop trailing '0's, but not the one after '.'. */
function stripTrailingZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '0') end--;
  if (s[end - 1] === '.') end++;
  return s.slice(0, end);
}

/** `%.Nf` of a non-negative finite double: exact, rounded half to even (glibc). */
function exactFixed(ax: number, decimals: number): string {
  const { mant, exp2 } = decompose(ax);
  const scale = 10n ** BigInt(decimals);
  let q: bigint;
  if (exp2 >= 0) {
    q = (mant << BigInt(exp2)) * scale;
  } else {
    const num = mant * scale;
    const den = 1n << BigInt(-exp2);
    q = num / den;
    const r2 = (num % den) * 2n;
    if (r2 > den || (r2 === den && (q & 1n) === 1n)) q += 1n;
  }
  const digits = q.toString().padStart(decimals + 1, '0');
  if (decimals === 0) return digits;
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** ax = mant × 2^exp2 exactly. */
function decompose(ax: number): { mant: bigint; exp2: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, ax);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased !== 0) mant |= 1n << 52n;
  return { mant, exp2: (biased === 0 ? 1 : biased) - 1075 };
}

const FLOAT_SYNTAX = /^[+-]?[0-9]+[.,][0-9]+(?:[eE][+-]?[0-9]+)?$/;

/** sys_chars_to_double: the float an Erlang float text denotes, or undefined. */
export function parseFloatText(text: string): number | undefined {
  const nul = text.indexOf('\u0000');
  const s = nul >= 0 ? text.slice(0, nul) : text;
  if (!FLOAT_SYNTAX.test(s)) return undefined;
  const v = Number(s.replace(',', '.'));
  return Number.isFinite(v) ? v : undefined;
}

function listToFloat(l: Term): ErlFloat {
  const s = byteListText(l);
  const v = s === undefined ? undefined : parseFloatText(s);
  return v === undefined ? badarg() : new ErlFloat(v);
}

function binaryToFloat(b: Term): ErlFloat {
  const v = parseFloatText(bytesText(binaryBytes(b)));
  return v === undefined ? badarg() : new ErlFloat(v);
}

const asciiBinary = (s: string): BitString => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return new BitString(out, out.length * 8);
};

export const floatBifs: [string, Bif][] = [
  ['float_to_list/1', (_p, x) => charlist(x instanceof ErlFloat ? floatToListDefault(x.value) : badarg())],
  ['float_to_list/2', (_p, x, o) => charlist(floatText(x, o))],
  ['float_to_binary/1', (_p, x) => asciiBinary(x instanceof ErlFloat ? floatToListDefault(x.value) : badarg())],
  ['float_to_binary/2', (_p, x, o) => asciiBinary(floatText(x, o))],
  ['list_to_float/1', (_p, l) => listToFloat(l)],
  ['binary_to_float/1', (_p, b) => binaryToFloat(b)],
];
