/**
 * Binary and bitstring helpers: construction, slicing, bit reads, appends and
 * iolists.
 *
 * Invariants kept (see `BitString` in ./types.ts): `bytes.length ===
 * ceil(bitSize / 8)`, bit 0 is the most significant bit of `bytes[0]`, and the
 * unused low bits of a final partial byte are zero. Byte-aligned slices share
 * the parent's buffer; unaligned ones are copies.
 *
 * In-place appends (`appendBits` & co.) reproduce BEAM's writable binaries: the
 * result of an append owns an `AppendBuffer` with spare capacity; appending to
 * that result again, while it is still the buffer's last writer, writes into the
 * spare capacity and returns a new view of the same storage. Nothing any earlier
 * view can see is ever modified: bytes are only written past the last writer's
 * end, and a base whose size is not a whole number of bytes is copied (writing
 * into its shared final byte would break the zero-low-bits invariant).
 */
import { TermBadArg } from './errors.js';
import { BitString, Cons, NIL, type AppendBuffer, type Term } from './types.js';

/** Counters that make the cost of appends observable (tests, benchmarks). */
export const appendStats = { reallocations: 0, bytesCopied: 0 };

const EMPTY = new Uint8Array(0);

/** The empty binary `<<>>` (a fresh value: its `writable` may be set later). */
export const emptyBinary = (): BitString => new BitString(EMPTY, 0);

/** Mask for the high `n` bits (1..8) of a byte. */
const highMask = (n: number): number => (0xff << (8 - n)) & 0xff;

/**
 * A bitstring of the first `bitSize` bits of `bytes` (which may be longer).
 * Shares `bytes` unless the final partial byte has stray low bits set.
 */
export function bitstringFromBits(bytes: Uint8Array, bitSize: number): BitString {
  if (!Number.isInteger(bitSize) || bitSize < 0 || bitSize > bytes.length * 8) {
    throw new TermBadArg('badarg', `bit size ${bitSize} out of range`);
  }
  const n = (bitSize + 7) >>> 3;
  const rest = bitSize & 7;
  let view = bytes.subarray(0, n);
  if (rest !== 0 && (view[n - 1]! & ~highMask(rest) & 0xff) !== 0) {
    view = view.slice();
    view[n - 1]! &= highMask(rest);
  }
  return new BitString(view, bitSize);
}

/**
 * Copy `n` bits from `src` at bit `srcOff` into `dst` at bit `dstOff`. Bits of
 * `dst` outside the target range are left as they are.
 */
export function copyBits(src: Uint8Array, srcOff: number, dst: Uint8Array, dstOff: number, n: number): void {
  if (n <= 0) return;
  if ((srcOff & 7) === 0 && (dstOff & 7) === 0) {
    const whole = n >>> 3;
    dst.set(src.subarray(srcOff >>> 3, (srcOff >>> 3) + whole), dstOff >>> 3);
    const rest = n & 7;
    if (rest === 0) return;
    srcOff += whole * 8;
    dstOff += whole * 8;
    n = rest;
  }
  // General case, one byte-sized chunk at a time.
  while (n > 0) {
    const k = Math.min(n, 8 - (dstOff & 7));
    const v = readChunk(src, srcOff, k);
    const shift = 8 - (dstOff & 7) - k;
    const mask = ((1 << k) - 1) << shift;
    const i = dstOff >>> 3;
    dst[i] = (dst[i]! & ~mask) | (v << shift);
    srcOff += k;
    dstOff += k;
    n -= k;
  }
}

/** Read `k` (1..8) bits at bit offset `off`, as an unsigned number. */
function readChunk(src: Uint8Array, off: number, k: number): number {
  const i = off >>> 3;
  const word = (src[i]! << 8) | (src[i + 1] ?? 0);
  return (word >>> (16 - (off & 7) - k)) & ((1 << k) - 1);
}

function checkRange(b: BitString, bitOffset: number, bitLen: number): void {
  if (
    !Number.isInteger(bitOffset) || !Number.isInteger(bitLen) ||
    bitOffset < 0 || bitLen < 0 || bitOffset + bitLen > b.bitSize
  ) {
    throw new TermBadArg('badarg', `bits ${bitOffset}+${bitLen} outside a ${b.bitSize}-bit bitstring`);
  }
}

/** `bitLen` bits of `b` from `bitOffset`; shares the buffer when byte-aligned. */
export function subBitstring(b: BitString, bitOffset: number, bitLen: number): BitString {
  checkRange(b, bitOffset, bitLen);
  if (bitOffset === 0 && bitLen === b.bitSize) return b;
  const start = bitOffset >>> 3;
  const n = (bitLen + 7) >>> 3;
  const rest = bitLen & 7;
  if ((bitOffset & 7) === 0 && (rest === 0 || (b.bytes[start + n - 1]! & ~highMask(rest) & 0xff) === 0)) {
    return new BitString(b.bytes.subarray(start, start + n), bitLen);
  }
  const out = new Uint8Array(n);
  copyBits(b.bytes, bitOffset, out, 0, bitLen);
  return new BitString(out, bitLen);
}

/** The bytes of `parts` one after another: a new buffer, or the only part itself. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  let size = 0;
  for (const b of parts) size += b.length;
  const all = new Uint8Array(size);
  let off = 0;
  for (const b of parts) {
    all.set(b, off);
    off += b.length;
  }
  return all;
}

/** The concatenation of `parts` in one new buffer. */
export function concatBitstrings(parts: readonly BitString[]): BitString {
  if (parts.length === 1) return parts[0]!;
  let bits = 0;
  for (const p of parts) bits += p.bitSize;
  const out = new Uint8Array((bits + 7) >>> 3);
  let off = 0;
  for (const p of parts) {
    copyBits(p.bytes, 0, out, off, p.bitSize);
    off += p.bitSize;
  }
  return new BitString(out, bits);
}

/** The bytes of a bitstring (a final partial byte included, low bits zero). */
export const bitstringToBytes = (b: BitString): Uint8Array => b.bytes;

/** Unsigned big-endian read of `n` bits (0..53) at `bitOffset`, as a number. */
export function getBits(b: BitString, bitOffset: number, n: number): number {
  if (n > 53) throw new TermBadArg('badarg', `getBits: ${n} bits do not fit a number; use getBitsBig`);
  checkRange(b, bitOffset, n);
  let v = 0;
  while (n > 0) {
    const k = Math.min(n, 8 - (bitOffset & 7));
    v = v * (1 << k) + readChunk(b.bytes, bitOffset, k);
    bitOffset += k;
    n -= k;
  }
  return v;
}

/** Unsigned big-endian read of any number of bits at `bitOffset`, as a bigint. */
export function getBitsBig(b: BitString, bitOffset: number, n: number): bigint {
  checkRange(b, bitOffset, n);
  let v = 0n;
  while (n >= 32) {
    v = (v << 32n) | BigInt(getBits(b, bitOffset, 32));
    bitOffset += 32;
    n -= 32;
  }
  return n > 0 ? (v << BigInt(n)) | BigInt(getBits(b, bitOffset, n)) : v;
}

/** The low `bits` bits of `value` (two's complement), big-endian, as a bitstring. */
export function uintToBits(value: number | bigint, bits: number): BitString {
  if (!Number.isInteger(bits) || bits < 0) throw new TermBadArg('badarg', `bad size ${bits}`);
  if (typeof value === 'number' && !Number.isInteger(value)) throw new TermBadArg('badarg', `${value} is not an integer`);
  const out = new Uint8Array((bits + 7) >>> 3);
  let v = BigInt.asUintN(bits, BigInt(value));
  // Left-align: the value's bits end at bit `bits`, the rest of the last byte is zero.
  v <<= BigInt(out.length * 8 - bits);
  for (let i = out.length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return new BitString(out, bits);
}

// ---- in-place appends ----------------------------------------------------

/** Is `b` the last writer of its append buffer, so it may grow in place? */
function canGrowInPlace(b: BitString): AppendBuffer | undefined {
  const buf = b.writable;
  if (buf === undefined || buf.usedBits !== b.bitSize || (b.bitSize & 7) !== 0) return undefined;
  const d = buf.data;
  if (b.bytes.buffer !== d.buffer || b.bytes.byteOffset !== d.byteOffset) return undefined;
  return buf;
}

/** A fresh buffer holding `base` with room for `needBits`, doubled. */
function freshBuffer(base: BitString, needBits: number): AppendBuffer {
  const need = (needBits + 7) >>> 3;
  const data = new Uint8Array(Math.max(need * 2, 64));
  copyBits(base.bytes, 0, data, 0, base.bitSize);
  appendStats.reallocations++;
  appendStats.bytesCopied += base.bytes.length;
  return { data, usedBits: base.bitSize };
}

/** Reserve room for `n` more bits after `base`; returns the buffer to write into. */
function reserve(base: BitString, n: number): AppendBuffer {
  const total = base.bitSize + n;
  let buf = canGrowInPlace(base);
  if (buf === undefined) return freshBuffer(base, total);
  if (((total + 7) >>> 3) > buf.data.length) {
    const grown = freshBuffer(base, total);
    buf.data = grown.data; // the old storage stays with the views that use it
  }
  return buf;
}

function commit(buf: AppendBuffer, total: number): BitString {
  buf.usedBits = total;
  const r = new BitString(buf.data.subarray(0, (total + 7) >>> 3), total);
  r.writable = buf;
  return r;
}

/** `<<Base/bitstring, Src/bitstring>>`, growing `base` in place when allowed. */
export function appendBits(base: BitString, src: BitString): BitString {
  const buf = reserve(base, src.bitSize);
  copyBits(src.bytes, 0, buf.data, base.bitSize, src.bitSize);
  return commit(buf, base.bitSize + src.bitSize);
}

/** `<<Base/bitstring, Bytes/binary>>`. */
export function appendBytes(base: BitString, bytes: Uint8Array): BitString {
  const buf = reserve(base, bytes.length * 8);
  if ((base.bitSize & 7) === 0) buf.data.set(bytes, base.bitSize >>> 3);
  else copyBits(bytes, 0, buf.data, base.bitSize, bytes.length * 8);
  return commit(buf, base.bitSize + bytes.length * 8);
}

/** `<<Base/bitstring, Value:Bits>>` (big-endian, two's complement). */
export function appendUint(base: BitString, value: number | bigint, bits: number): BitString {
  if (bits === 8 && typeof value === 'number' && (base.bitSize & 7) === 0) {
    const buf = reserve(base, 8);
    buf.data[base.bitSize >>> 3] = value & 0xff;
    return commit(buf, base.bitSize + 8);
  }
  return appendBits(base, uintToBits(value, bits));
}

// ---- iolists -------------------------------------------------------------

/**
 * Walk an iolist/iodata term (bytes 0..255, binaries, nested lists, a binary
 * tail), calling `onByte`/`onBinary` in order. Iterative: deep or long lists
 * use no JS stack. Anything else is `badarg`.
 */
function walkIolist(t: Term, onByte: (b: number) => void, onBinary: (b: BitString) => void): void {
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let x = stack.pop()!;
    if (x instanceof BitString) {
      if ((x.bitSize & 7) !== 0) throw new TermBadArg();
      onBinary(x);
      continue;
    }
    while (x instanceof Cons) {
      const h: Term = x.hd;
      if (typeof h === 'number') {
        if (!Number.isInteger(h) || h < 0 || h > 255) throw new TermBadArg();
        onByte(h);
      } else if (h instanceof BitString) {
        if ((h.bitSize & 7) !== 0) throw new TermBadArg();
        onBinary(h);
      } else if (h instanceof Cons || h === NIL) {
        stack.push(x.tl);
        x = h;
        continue;
      } else {
        throw new TermBadArg();
      }
      x = x.tl;
    }
    if (x === NIL) continue;
    if (x instanceof BitString) stack.push(x);
    else throw new TermBadArg();
  }
}

/** erlang:iolist_size/1. */
export function iolistSize(t: Term): number {
  let n = 0;
  walkIolist(t, () => void n++, (b) => void (n += b.bytes.length));
  return n;
}

/** erlang:iolist_to_binary/1 (a binary argument is returned as is). */
export function iolistToBinary(t: Term): BitString {
  if (t instanceof BitString) {
    if ((t.bitSize & 7) !== 0) throw new TermBadArg();
    return t;
  }
  const out = new Uint8Array(iolistSize(t));
  let p = 0;
  walkIolist(
    t,
    (b) => void (out[p++] = b),
    (b) => {
      out.set(b.bytes, p);
      p += b.bytes.length;
    },
  );
  return new BitString(out, out.length * 8);
}
