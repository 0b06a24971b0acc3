/**
 * Binary matching: the match context of `bs_start_match3/4` and the
 * `bs_get_*`, `bs_skip_*`, `bs_test_*`, `bs_match_string` reads (and the
 * commands of OTP 26's `bs_match`, which the compiler lowers onto these).
 *
 * A match context is a mutable cursor over a bitstring. It lives in x/y
 * registers like any value (and so in saved frames) but never escapes as a
 * term: the compiler turns it back into a bitstring with `bs_get_tail`.
 * A function may receive one as an argument and restart matching on it
 * (`bs_start_match` of a context returns it as is), as on BEAM.
 *
 * Reads return `undefined` when the match fails (the compiler jumps to the
 * fail label): never an exception.
 */
import { BitString, ErlFloat, type Int, type Term } from '../terms/types.js';
import { FLAG_SIGNED, bitsEqual, floatFromBits, isLittle, readInt } from './bits.js';

export class MatchCtx {
  constructor(
    readonly bin: BitString,
    /** Current bit position. */
    public pos: number,
  ) {}
  get remaining(): number {
    return this.bin.bitSize - this.pos;
  }
}

/** bs_start_match3/4: a context over `t`, or undefined when `t` is not a bitstring. */
export function bsStart(t: Term): MatchCtx | undefined {
  if (t instanceof MatchCtx) return t;
  if (t instanceof BitString) return new MatchCtx(t, 0);
  return undefined;
}

/** The number of bits a `Size * Unit` segment takes, or -1 if Size is not a valid size. */
function bitsOf(size: Term, unit: number): number {
  return typeof size === 'number' && size >= 0 ? size * unit : -1;
}

export function bsGetInteger(c: MatchCtx, size: Term, unit: number, flags: number): Int | undefined {
  const n = bitsOf(size, unit);
  if (n < 0 || n > c.remaining) return undefined;
  const v = readInt(c.bin.bytes, c.pos, n, isLittle(flags), (flags & FLAG_SIGNED) !== 0);
  c.pos += n;
  return v;
}

/** Fast path: an unsigned big-endian 8-bit read (the commonest segment). */
export function bsGetByte(c: MatchCtx): number | undefined {
  const p = c.pos;
  if (c.bin.bitSize - p < 8) return undefined;
  c.pos = p + 8;
  if ((p & 7) === 0) return c.bin.bytes[p >>> 3];
  return readInt(c.bin.bytes, p, 8, false, false) as number;
}

export function bsGetFloat(c: MatchCtx, size: Term, unit: number, flags: number): ErlFloat | undefined {
  const n = bitsOf(size, unit);
  if ((n !== 16 && n !== 32 && n !== 64) || n > c.remaining) return undefined;
  const raw = readInt(c.bin.bytes, c.pos, n, isLittle(flags), false);
  const x = floatFromBits(raw, n);
  if (x === undefined) return undefined;
  c.pos += n;
  return new ErlFloat(x);
}

/** A sub-bitstring of the context (shares the buffer when byte-aligned). */
function slice(c: MatchCtx, n: number): BitString {
  const b = c.bin;
  const p = c.pos;
  c.pos = p + n;
  if ((p & 7) === 0) {
    const start = p >>> 3;
    if ((n & 7) === 0) return new BitString(b.bytes.subarray(start, start + (n >>> 3)), n);
  }
  const out = new Uint8Array((n + 7) >>> 3);
  for (let i = 0; i < n; i += 8) {
    const k = Math.min(8, n - i);
    const v = readInt(b.bytes, p + i, k, false, false) as number;
    out[i >>> 3] = v << (8 - k);
  }
  return new BitString(out, n);
}

export function bsGetBinary(c: MatchCtx, size: Term, unit: number): BitString | undefined {
  if (size === 'all') {
    const n = c.remaining;
    return n % unit === 0 ? slice(c, n) : undefined;
  }
  const n = bitsOf(size, unit);
  if (n < 0 || n > c.remaining) return undefined;
  return slice(c, n);
}

/** bs_get_tail: the rest, without moving. */
export function bsGetTail(c: MatchCtx): BitString {
  const p = c.pos;
  const t = slice(c, c.remaining);
  c.pos = p;
  return t;
}

/** bs_skip_bits2; true when there were enough bits. */
export function bsSkip(c: MatchCtx, size: Term, unit: number): boolean {
  if (size === 'all') return c.remaining % unit === 0 ? ((c.pos = c.bin.bitSize), true) : false;
  const n = bitsOf(size, unit);
  if (n < 0 || n > c.remaining) return false;
  c.pos += n;
  return true;
}

export function bsMatchString(c: MatchCtx, bits: number, s: Uint8Array): boolean {
  if (bits > c.remaining || !bitsEqual(c.bin.bytes, c.pos, s, 0, bits)) return false;
  c.pos += bits;
  return true;
}

/** `=:=` command of bs_match: the next `bits` bits equal the integer `v`. */
export function bsMatchInt(c: MatchCtx, bits: number, v: Int): boolean {
  if (bits > c.remaining) return false;
  const got = readInt(c.bin.bytes, c.pos, bits, false, false);
  if (got !== v) return false;
  c.pos += bits;
  return true;
}

// ---- UTF ----

export function bsGetUtf8(c: MatchCtx): number | undefined {
  if (c.remaining < 8) return undefined;
  const b = c.bin.bytes;
  const at = c.pos;
  const b0 = readInt(b, at, 8, false, false) as number;
  let n: number;
  let cp: number;
  if (b0 < 0x80) {
    c.pos += 8;
    return b0;
  } else if (b0 >= 0xc2 && b0 < 0xe0) {
    n = 2;
    cp = b0 & 0x1f;
  } else if (b0 >= 0xe0 && b0 < 0xf0) {
    n = 3;
    cp = b0 & 0x0f;
  } else if (b0 >= 0xf0 && b0 < 0xf5) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return undefined;
  }
  if (c.remaining < n * 8) return undefined;
  for (let i = 1; i < n; i++) {
    const x = readInt(b, at + i * 8, 8, false, false) as number;
    if ((x & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (x & 0x3f);
  }
  // Overlong forms, surrogates and values above U+10FFFF do not match.
  if ((n === 3 && cp < 0x800) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) {
    return undefined;
  }
  c.pos += n * 8;
  return cp;
}

export function bsGetUtf16(c: MatchCtx, flags: number): number | undefined {
  if (c.remaining < 16) return undefined;
  const little = isLittle(flags);
  const w1 = readInt(c.bin.bytes, c.pos, 16, little, false) as number;
  if (w1 < 0xd800 || w1 > 0xdfff) {
    c.pos += 16;
    return w1;
  }
  if (w1 > 0xdbff || c.remaining < 32) return undefined;
  const w2 = readInt(c.bin.bytes, c.pos + 16, 16, little, false) as number;
  if (w2 < 0xdc00 || w2 > 0xdfff) return undefined;
  c.pos += 32;
  return 0x10000 + ((w1 - 0xd800) << 10) + (w2 - 0xdc00);
}

export function bsGetUtf32(c: MatchCtx, flags: number): number | undefined {
  if (c.remaining < 32) return undefined;
  const cp = readInt(c.bin.bytes, c.pos, 32, isLittle(flags), false) as number;
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  c.pos += 32;
  return cp;
}
