/**
 * Bit-level reading and writing shared by binary construction
 * (bs-build.ts) and matching (bs-match.ts).
 *
 * Bit 0 is the most significant bit of byte 0. Integers are big-endian by
 * default; BEAM's little-endian for a size that is not a whole number of
 * bytes stores the low bytes first and the remaining high bits last, as a
 * partial field (`<<16#abc:12/little>>` is `<<16#bc, 16#a:4>>`).
 */
import type { Int } from '../terms/types.js';

export const FLAG_LITTLE = 0x02;
export const FLAG_SIGNED = 0x04;
/** Native endianness: little on every host this runs on. */
export const FLAG_NATIVE = 0x10;

export const isLittle = (flags: number): boolean => (flags & (FLAG_LITTLE | FLAG_NATIVE)) !== 0;

/** Write the low `n` bits (n <= 8) of `v` at bit `pos` of `buf` (target bits must be zero). */
function writeSmall(buf: Uint8Array, pos: number, v: number, n: number): void {
  v &= (1 << n) - 1;
  const byte = pos >>> 3;
  const bit = pos & 7;
  const room = 8 - bit;
  if (n <= room) {
    buf[byte] = buf[byte]! | (v << (room - n));
  } else {
    buf[byte] = buf[byte]! | (v >>> (n - room));
    buf[byte + 1] = buf[byte + 1]! | ((v << (8 - (n - room))) & 0xff);
  }
}

/** Read `n` bits (n <= 8) at bit `pos`. */
function readSmall(buf: Uint8Array, pos: number, n: number): number {
  const byte = pos >>> 3;
  const bit = pos & 7;
  const room = 8 - bit;
  if (n <= room) return (buf[byte]! >>> (room - n)) & ((1 << n) - 1);
  const hi = buf[byte]! & ((1 << room) - 1);
  const lo = buf[byte + 1]! >>> (8 - (n - room));
  return (hi << (n - room)) | lo;
}

/** Write an integer's low `n` bits at `pos` (two's complement). */
export function writeInt(buf: Uint8Array, pos: number, value: Int, n: number, little: boolean): void {
  if (n === 0) return;
  if (typeof value === 'number' && n <= 32) {
    writeSmallInt(buf, pos, value, n, little);
    return;
  }
  let v = BigInt.asUintN(n, typeof value === 'bigint' ? value : BigInt(value));
  if (little) {
    // Whole bytes, least significant first, then the remaining high bits.
    let at = pos;
    let left = n;
    while (left >= 8) {
      writeSmall(buf, at, Number(v & 0xffn), 8);
      v >>= 8n;
      at += 8;
      left -= 8;
    }
    if (left > 0) writeSmall(buf, at, Number(v), left);
    return;
  }
  let at = pos + n;
  let left = n;
  while (left > 0) {
    const k = left >= 8 ? 8 : left;
    at -= k;
    writeSmall(buf, at, Number(v & 0xffn) & ((1 << k) - 1), k);
    v >>= BigInt(k);
    left -= k;
  }
}

function writeSmallInt(buf: Uint8Array, pos: number, value: number, n: number, little: boolean): void {
  // The low n bits (two's complement): ToUint32/ToInt32 reduce modulo 2^32 exactly.
  let v = n === 32 ? value >>> 0 : value & (2 ** n - 1);
  if (little) {
    let at = pos;
    let left = n;
    while (left >= 8) {
      writeSmall(buf, at, v & 0xff, 8);
      v = Math.floor(v / 256);
      at += 8;
      left -= 8;
    }
    if (left > 0) writeSmall(buf, at, v, left);
    return;
  }
  if ((pos & 7) === 0 && (n & 7) === 0) {
    let at = (pos >>> 3) + (n >>> 3) - 1;
    for (let k = n; k > 0; k -= 8) {
      buf[at--] = v & 0xff;
      v = Math.floor(v / 256);
    }
    return;
  }
  let at = pos + n;
  let left = n;
  while (left > 0) {
    const k = left >= 8 ? 8 : left;
    at -= k;
    writeSmall(buf, at, v & ((1 << k) - 1), k);
    v = Math.floor(v / 2 ** k);
    left -= k;
  }
}

/** Read `n` bits at `pos` as an integer (normalised: number when safe). */
export function readInt(buf: Uint8Array, pos: number, n: number, little: boolean, signed: boolean): Int {
  if (n === 0) return 0;
  if (n <= 48) {
    let v = 0;
    if (little) {
      let mul = 1;
      let left = n;
      let at = pos;
      while (left >= 8) {
        v += readSmall(buf, at, 8) * mul;
        mul *= 256;
        at += 8;
        left -= 8;
      }
      if (left > 0) v += readSmall(buf, at, left) * mul;
    } else if ((pos & 7) === 0 && (n & 7) === 0) {
      let at = pos >>> 3;
      for (let k = 0; k < n; k += 8) v = v * 256 + buf[at++]!;
    } else {
      let left = n;
      let at = pos;
      while (left > 0) {
        const k = left >= 8 ? 8 : left;
        v = v * 2 ** k + readSmall(buf, at, k);
        at += k;
        left -= k;
      }
    }
    if (signed && v >= 2 ** (n - 1)) v -= 2 ** n;
    return v;
  }
  let v = 0n;
  if (little) {
    let shift = 0n;
    let left = n;
    let at = pos;
    while (left >= 8) {
      v |= BigInt(readSmall(buf, at, 8)) << shift;
      shift += 8n;
      at += 8;
      left -= 8;
    }
    if (left > 0) v |= BigInt(readSmall(buf, at, left)) << shift;
  } else {
    let left = n;
    let at = pos;
    while (left > 0) {
      const k = left >= 8 ? 8 : left;
      v = (v << BigInt(k)) | BigInt(readSmall(buf, at, k));
      at += k;
      left -= k;
    }
  }
  if (signed) v = BigInt.asIntN(n, v);
  const MAX = BigInt(Number.MAX_SAFE_INTEGER);
  return v >= -MAX && v <= MAX ? Number(v) : v;
}

/** Copy `n` bits from `src` at `srcPos` to `dst` at `dstPos` (target bits zero). */
export function copyBitsInto(src: Uint8Array, srcPos: number, dst: Uint8Array, dstPos: number, n: number): void {
  if ((srcPos & 7) === 0 && (dstPos & 7) === 0) {
    const whole = n >>> 3;
    dst.set(src.subarray(srcPos >>> 3, (srcPos >>> 3) + whole), dstPos >>> 3);
    const rest = n & 7;
    if (rest > 0) writeSmall(dst, dstPos + whole * 8, readSmall(src, srcPos + whole * 8, rest), rest);
    return;
  }
  let left = n;
  let s = srcPos;
  let d = dstPos;
  while (left > 0) {
    const k = left >= 8 ? 8 : left;
    writeSmall(dst, d, readSmall(src, s, k), k);
    s += k;
    d += k;
    left -= k;
  }
}

/** Compare `n` bits of `a` at `pa` with `b` at `pb`. */
export function bitsEqual(a: Uint8Array, pa: number, b: Uint8Array, pb: number, n: number): boolean {
  let left = n;
  while (left > 0) {
    const k = left >= 8 ? 8 : left;
    if (readSmall(a, pa, k) !== readSmall(b, pb, k)) return false;
    pa += k;
    pb += k;
    left -= k;
  }
  return true;
}

// ---- floats ----

const f64 = new DataView(new ArrayBuffer(8));

/** Encode a float of 16, 32 or 64 bits; undefined if not representable (badarg). */
export function floatBits(x: number, n: number): bigint | number | undefined {
  switch (n) {
    case 64:
      f64.setFloat64(0, x);
      return f64.getBigUint64(0);
    case 32:
      // Too large for 32 bits: BEAM writes the infinity it rounds to.
      f64.setFloat32(0, x);
      return f64.getUint32(0);
    case 16:
      return toHalf(x);
    default:
      return undefined;
  }
}

/** Decode a float of 16, 32 or 64 bits; undefined for NaN/infinity (no match). */
export function floatFromBits(v: Int, n: number): number | undefined {
  let x: number;
  switch (n) {
    case 64:
      f64.setBigUint64(0, typeof v === 'bigint' ? BigInt.asUintN(64, v) : BigInt(v));
      x = f64.getFloat64(0);
      break;
    case 32:
      f64.setUint32(0, Number(v));
      x = f64.getFloat32(0);
      break;
    case 16:
      x = fromHalf(Number(v));
      break;
    default:
      return undefined;
  }
  return Number.isFinite(x) ? x : undefined;
}

/** IEEE half precision, round to nearest even (infinity on overflow, as for 32 bits). */
function toHalf(x: number): number {
  f64.setFloat32(0, x);
  const f = f64.getUint32(0);
  const sign = (f >>> 16) & 0x8000;
  const exp = (f >>> 23) & 0xff;
  let mant = f & 0x7fffff;
  const inf = sign | 0x7c00;
  if (exp === 0xff) return inf;
  // Rebias from float32 (127) to half (15).
  const e = exp - 127 + 15;
  if (e >= 0x1f) return inf;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let h = mant >>> shift;
    const rem = mant & ((1 << shift) - 1);
    const half = 1 << (shift - 1);
    if (rem > half || (rem === half && (h & 1))) h++;
    return sign | h;
  }
  let h = (e << 10) | (mant >>> 13);
  const rem = mant & 0x1fff;
  if (rem > 0x1000 || (rem === 0x1000 && (h & 1))) h++;
  return (h & 0x7c00) === 0x7c00 ? inf : sign | h;
}

function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 0x1f) return m === 0 ? sign * Infinity : NaN;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
