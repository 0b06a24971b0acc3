/**
 * Binary construction: `bs_create_bin` (OTP 25+) and the older
 * `bs_init2`/`bs_init_bits`/`bs_append`/`bs_private_append` + `bs_put_*`
 * sequences (OTP <= 24 compilers, e.g. Elixir 1.14's beams).
 *
 * `bs_create_bin` gets a static segment spec (hoisted by the compiler) and
 * the dynamic values; sizes are computed first, then one buffer is filled.
 * An `append`/`private_append` first segment grows its base binary in place
 * when the base is the last writer of its buffer (runtime/terms/binary.ts),
 * which keeps `<<Acc/binary, X>>` loops linear, as on BEAM.
 *
 * Failures return `undefined` with `failure.reason = badarg` and BEAM's
 * error_info cause `{SegNo, Type, Problem, Value}` in `failure.cause`.
 */
import { appendBits } from '../terms/binary.js';
import { mapFromEntries } from '../terms/map.js';
import { BitString, ErlFloat, list, type Term } from '../terms/types.js';
import { failure } from './arith.js';
import {
  FLAG_LITTLE, copyBitsInto, floatBits, isLittle, writeInt,
} from './bits.js';

/** One segment of a bs_create_bin: `[type, unit, flags, segNo, stringBytes?]`. */
export type SegSpec = readonly [type: string, unit: number, flags: number, segNo: number, str?: BitString];

/** The cause of the last construction failure (for the error_info location). */
export const bsFailure: { cause: Term | undefined } = { cause: undefined };

function fail(segNo: number, type: string, problem: string, value: Term): undefined {
  failure.reason = 'badarg';
  bsFailure.cause = [segNo, type, problem, value];
  return undefined;
}

const isInt = (t: Term): t is number | bigint => typeof t === 'number' || typeof t === 'bigint';

/** Bits of a valid code point in UTF-8, or -1. */
function utf8Bits(cp: Term): number {
  if (typeof cp !== 'number' || cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  return cp < 0x80 ? 8 : cp < 0x800 ? 16 : cp < 0x10000 ? 24 : 32;
}

/** Size in bits of segment `i` (value `v`, size operand `s`), or undefined after fail(). */
function segBits(seg: SegSpec, v: Term, s: Term): number | undefined {
  const [type, unit, , segNo] = seg;
  switch (type) {
    case 'integer':
    case 'float': {
      if (typeof s !== 'number' || s < 0) return fail(segNo, type, 'size', s);
      const n = s * unit;
      if (type === 'integer') return isInt(v) ? n : fail(segNo, type, 'type', v);
      if (!(v instanceof ErlFloat) && !isInt(v)) return fail(segNo, type, 'type', v);
      return n === 16 || n === 32 || n === 64 ? n : fail(segNo, type, 'invalid', s);
    }
    case 'binary': {
      if (!(v instanceof BitString)) return fail(segNo, type, 'type', v);
      if (s === 'all') {
        return v.bitSize % unit === 0 ? v.bitSize : fail(segNo, type, 'unit', v);
      }
      if (typeof s !== 'number' || s < 0) return fail(segNo, type, 'size', s);
      const n = s * unit;
      return n <= v.bitSize ? n : fail(segNo, type, 'short', v);
    }
    case 'utf8': {
      const n = utf8Bits(v);
      return n >= 0 ? n : fail(segNo, type, 'type', v);
    }
    case 'utf16':
      return utf8Bits(v) >= 0 ? ((v as number) < 0x10000 ? 16 : 32) : fail(segNo, type, 'type', v);
    case 'utf32':
      return utf8Bits(v) >= 0 ? 32 : fail(segNo, type, 'type', v);
    case 'string':
      return seg[4]!.bitSize;
    default:
      return fail(segNo, type, 'type', v);
  }
}

/** Write segment `seg` with value `v` (n bits) at bit `pos` of `buf`. */
function writeSeg(buf: Uint8Array, pos: number, seg: SegSpec, v: Term, n: number): void {
  const [type, , flags] = seg;
  switch (type) {
    case 'integer':
      writeInt(buf, pos, v as number | bigint, n, isLittle(flags));
      return;
    case 'float': {
      const x = v instanceof ErlFloat ? v.value : Number(v);
      const bits = floatBits(x, n)!;
      writeInt(buf, pos, bits, n, isLittle(flags));
      return;
    }
    case 'binary':
      copyBitsInto((v as BitString).bytes, 0, buf, pos, n);
      return;
    case 'string':
      copyBitsInto(seg[4]!.bytes, 0, buf, pos, n);
      return;
    case 'utf8':
      writeUtf8(buf, pos, v as number);
      return;
    case 'utf16':
      writeUtf16(buf, pos, v as number, isLittle(flags));
      return;
    case 'utf32':
      writeInt(buf, pos, v as number, 32, isLittle(flags));
  }
}

function writeUtf8(buf: Uint8Array, pos: number, cp: number): void {
  const bytes = cp < 0x80 ? [cp]
    : cp < 0x800 ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
      : cp < 0x10000 ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
        : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  for (const b of bytes) {
    writeInt(buf, pos, b, 8, false);
    pos += 8;
  }
}

function writeUtf16(buf: Uint8Array, pos: number, cp: number, little: boolean): void {
  if (cp < 0x10000) {
    writeInt(buf, pos, cp, 16, little);
    return;
  }
  const c = cp - 0x10000;
  writeInt(buf, pos, 0xd800 | (c >> 10), 16, little);
  writeInt(buf, pos + 16, 0xdc00 | (c & 0x3ff), 16, little);
}

/**
 * bs_create_bin: `vals` holds `[value, size]` per non-string segment, in
 * order (size `all` for binary tails, `undefined` for utf segments).
 */
export function bsCreate(spec: readonly SegSpec[], vals: Term[]): BitString | undefined {
  let base: BitString | undefined;
  let first = 0;
  const type0 = spec[0]?.[0];
  if (type0 === 'append' || type0 === 'private_append') {
    const [, unit, , segNo] = spec[0]!;
    const b = vals[0]!;
    if (!(b instanceof BitString)) return fail(segNo, 'binary', 'type', b);
    if (b.bitSize % unit !== 0) return fail(segNo, 'binary', 'unit', b);
    base = b;
    first = 1;
  }
  const sizes = new Array<number>(spec.length);
  let total = 0;
  for (let i = first, k = first * 2; i < spec.length; i++) {
    const seg = spec[i]!;
    if (seg[0] === 'string') {
      sizes[i] = seg[4]!.bitSize;
    } else {
      const n = segBits(seg, vals[k]!, vals[k + 1]!);
      if (n === undefined) return undefined;
      sizes[i] = n;
      k += 2;
    }
    total += sizes[i]!;
  }
  let out: BitString;
  let pos: number;
  if (base !== undefined) {
    out = appendBits(base, new BitString(new Uint8Array((total + 7) >>> 3), total));
    pos = base.bitSize;
  } else {
    out = new BitString(new Uint8Array((total + 7) >>> 3), total);
    pos = 0;
  }
  const buf = out.bytes;
  for (let i = first, k = first * 2; i < spec.length; i++) {
    const seg = spec[i]!;
    if (seg[0] === 'string') {
      writeSeg(buf, pos, seg, undefined as unknown as Term, sizes[i]!);
    } else {
      writeSeg(buf, pos, seg, vals[k]!, sizes[i]!);
      k += 2;
    }
    pos += sizes[i]!;
  }
  return out;
}

let errorInfoMod: Term | undefined;
/** `{error_info, #{cause => C, function => format_bs_fail, module => erl_erts_errors}}` */
export function bsErrorInfo(): Term {
  const cause = bsFailure.cause;
  bsFailure.cause = undefined;
  errorInfoMod ??= 'erl_erts_errors';
  const entries: [Term, Term][] = [['function', 'format_bs_fail'], ['module', errorInfoMod]];
  if (cause !== undefined) entries.unshift(['cause', cause]);
  return ['error_info', mapFromEntries(entries)];
}

// ---- OTP <= 24: bs_init2 / bs_put_* ----

/** The binary under construction by bs_put_* and the next bit to write. */
const building: { buf: Uint8Array; pos: number } = { buf: new Uint8Array(0), pos: 0 };

/** bs_init2 / bs_init_bits: a zeroed binary of `bits` bits, now being built. */
export function bsInit(bits: Term): BitString | undefined {
  if (typeof bits !== 'number' || bits < 0) return fail(0, 'binary', 'size', bits);
  const out = new BitString(new Uint8Array((bits + 7) >>> 3), bits);
  building.buf = out.bytes;
  building.pos = 0;
  return out;
}

/** bs_append / bs_private_append: `base` grown by `bits` bits, being built after base. */
export function bsAppendInit(base: Term, bits: Term, unit: number): BitString | undefined {
  if (!(base instanceof BitString)) return fail(0, 'binary', 'type', base);
  if (typeof bits !== 'number' || bits < 0) return fail(0, 'binary', 'size', bits);
  if (base.bitSize % unit !== 0) return fail(0, 'binary', 'unit', base);
  const out = appendBits(base, new BitString(new Uint8Array((bits + 7) >>> 3), bits));
  building.buf = out.bytes;
  building.pos = base.bitSize;
  return out;
}

/** bs_put_integer / bs_put_float / bs_put_binary / bs_put_utf*; false on failure. */
export function bsPut(type: string, v: Term, size: Term, unit: number, flags: number): boolean {
  const seg: SegSpec = [type, unit, flags, 0];
  const n = segBits(seg, v, size);
  if (n === undefined) return false;
  writeSeg(building.buf, building.pos, seg, v, n);
  building.pos += n;
  return true;
}

/** bs_put_string */
export function bsPutString(s: BitString): void {
  copyBitsInto(s.bytes, 0, building.buf, building.pos, s.bitSize);
  building.pos += s.bitSize;
}

/** bs_add: S1 + S2 * Unit (sizes in bs_init2's units). */
export function bsAdd(s1: Term, s2: Term, unit: number): Term | undefined {
  if (typeof s1 !== 'number' || typeof s2 !== 'number' || s1 < 0 || s2 < 0) return fail(0, 'binary', 'size', s2);
  return s1 + s2 * unit;
}

/** bs_utf8_size / bs_utf16_size: the encoded size in bytes. */
export function bsUtfSize(cp: Term, utf16: boolean): Term | undefined {
  const n = utf8Bits(cp);
  if (n < 0) return fail(0, utf16 ? 'utf16' : 'utf8', 'type', cp);
  return utf16 ? ((cp as number) < 0x10000 ? 2 : 4) : n / 8;
}

export { FLAG_LITTLE, list };
