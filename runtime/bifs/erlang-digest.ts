/**
 * Checksums and digests of the `erlang` module: crc32/1,2, crc32_combine/3,
 * adler32/1,2, adler32_combine/3, md5/1 and md5_init/update/final.
 *
 * All in plain JS (no node:crypto), so they work the same in browsers.
 * Inputs are iodata. Checksums and sizes are unsigned 32-bit integers, as
 * erts reads them (`term_to_Uint32`); anything else is `badarg`.
 *
 * The MD5 context is a binary laid out like erts' MD5_CTX (88 bytes: the
 * four state words, the 64-bit bit count, the 64-byte block buffer, all
 * little-endian), so `md5_final/1` of a context from `md5_init/0` or
 * `md5_update/2` works and a malformed one is `badarg`. Unused buffer bytes
 * are zero here, where erts leaves whatever was in memory.
 */
import { iolistToBinary } from '../terms/binary.js';
import { BitString, Cons, NIL, type Term } from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';

const u32Arg = (t: Term): number => (typeof t === 'number' && t >= 0 && t <= 0xffffffff ? t : badarg());
const bytesOf = (t: Term): Uint8Array => iolistToBinary(t).bytes;

// ---- CRC-32 (IEEE 802.3, reflected, as in zlib) ------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * crc(A ++ B) from crc(A), crc(B) and |B|. The CRC register is linear in its
 * starting value, so crc(A ++ B) = Z(crc(A)) xor crc(B), where Z runs the bare
 * register over |B| zero bytes. Z is a 32×32 matrix over GF(2), raised to
 * the power |B| by squaring.
 */
function crc32Combine(crc1: number, crc2: number, len2: number): number {
  // Column i of the one-zero-byte operator is its image of the bit 1 << i.
  let op = Array.from({ length: 32 }, (_, i) => zeroByte(2 ** i));
  let v = crc1;
  for (let n = len2; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) v = apply(op, v);
    op = op.map((col) => apply(op, col));
  }
  return (v ^ crc2) >>> 0;
}

const zeroByte = (reg: number): number => (CRC_TABLE[reg & 0xff]! ^ (reg >>> 8)) >>> 0;

function apply(mat: number[], v: number): number {
  let r = 0;
  for (let i = 0; v !== 0; i++, v >>>= 1) if (v & 1) r ^= mat[i]!;
  return r >>> 0;
}

// ---- Adler-32 -------------------------------------------------------------

const ADLER_BASE = 65521;

/**
 * zlib's adler32(), including how it treats a starting value whose halves are
 * not already reduced modulo 65521 (erlang:adler32/2 accepts any 32-bit value):
 * one byte and short inputs reduce by subtraction, longer ones by `%`.
 */
export function adler32(data: Uint8Array, init = 1): number {
  let a = init & 0xffff;
  let b = init >>> 16;
  const n = data.length;
  if (n === 1) {
    a += data[0]!;
    if (a >= ADLER_BASE) a -= ADLER_BASE;
    b += a;
    if (b >= ADLER_BASE) b -= ADLER_BASE;
    return ((b << 16) | a) >>> 0;
  }
  if (n < 16) {
    for (let i = 0; i < n; i++) b += a += data[i]!;
    if (a >= ADLER_BASE) a -= ADLER_BASE;
    return (((b % ADLER_BASE) << 16) | a) >>> 0;
  }
  for (let i = 0; i < n; ) {
    // 5552 bytes is the most before b can pass 2^32 (zlib's NMAX).
    const stop = Math.min(n, i + 5552);
    for (; i < stop; i++) b += a += data[i]!;
    a %= ADLER_BASE;
    b %= ADLER_BASE;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * adler(A ++ B) from adler(A), adler(B) and |B|: the low sums add (less the
 * initial 1 counted twice); the high sum of A's part grows by |B| times A's
 * low sum. Modulo 65521, reduced the way zlib reduces (by subtraction), which
 * shows for inputs that are not themselves reduced. erts returns the first
 * checksum as is for |B| = 0.
 */
function adler32Combine(a1: number, a2: number, len2: number): number {
  if (len2 === 0) return a1;
  const r = len2 % ADLER_BASE;
  let lo = a1 & 0xffff;
  let hi = (r * lo) % ADLER_BASE;
  lo += (a2 & 0xffff) + ADLER_BASE - 1;
  hi += (a1 >>> 16) + (a2 >>> 16) + ADLER_BASE - r;
  if (lo >= ADLER_BASE) lo -= ADLER_BASE;
  if (lo >= ADLER_BASE) lo -= ADLER_BASE;
  if (hi >= 2 * ADLER_BASE) hi -= 2 * ADLER_BASE;
  if (hi >= ADLER_BASE) hi -= ADLER_BASE;
  return (lo | (hi << 16)) >>> 0;
}

/**
 * The pieces erts feeds a checksum with, in order (erl_bif_chksum.c
 * do_chksum): each binary whole (even an empty one), each run of byte
 * elements of one list level as one piece; `[]` adds nothing. Only Adler-32
 * with an unreduced starting value can tell the pieces apart.
 */
function iodataPieces(t: Term): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  const binaryPiece = (b: Term): void => {
    if (!(b instanceof BitString) || (b.bitSize & 7) !== 0) badarg();
    pieces.push((b as BitString).bytes);
  };
  if (t === NIL) return pieces;
  if (!(t instanceof Cons)) {
    binaryPiece(t);
    return pieces;
  }
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let x = stack.pop()!;
    let run: number[] = [];
    const flush = (): void => {
      if (run.length > 0) pieces.push(Uint8Array.from(run));
      run = [];
    };
    while (x instanceof Cons) {
      const h = x.hd;
      if (typeof h === 'number' && h >= 0 && h <= 255) {
        run.push(h);
      } else {
        flush();
        if (h instanceof Cons) {
          stack.push(x.tl);
          x = h;
          continue;
        }
        if (h !== NIL) binaryPiece(h);
      }
      x = x.tl;
    }
    flush();
    if (x !== NIL) binaryPiece(x);
  }
  return pieces;
}

function adler32Iodata(t: Term, init = 1): number {
  let a = init;
  for (const piece of iodataPieces(t)) a = adler32(piece, a);
  return a;
}

// ---- MD5 (RFC 1321) ---------------------------------------------------------

const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

interface Md5State {
  h: Uint32Array; // a, b, c, d
  bytes: number; // total input length in bytes
  buf: Uint8Array; // 64-byte block buffer
}

const newMd5 = (): Md5State => ({
  h: Uint32Array.of(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476),
  bytes: 0,
  buf: new Uint8Array(64),
});

function md5Block(h: Uint32Array, block: Uint8Array, off: number): void {
  const m = new Uint32Array(16);
  for (let i = 0; i < 16; i++) {
    const j = off + i * 4;
    m[i] = (block[j]! | (block[j + 1]! << 8) | (block[j + 2]! << 16) | (block[j + 3]! << 24)) >>> 0;
  }
  let [a, b, c, d] = [h[0]!, h[1]!, h[2]!, h[3]!];
  for (let i = 0; i < 64; i++) {
    let f: number;
    let g: number;
    if (i < 16) [f, g] = [(b & c) | (~b & d), i];
    else if (i < 32) [f, g] = [(d & b) | (~d & c), (5 * i + 1) % 16];
    else if (i < 48) [f, g] = [b ^ c ^ d, (3 * i + 5) % 16];
    else [f, g] = [c ^ (b | ~d), (7 * i) % 16];
    const s = S[(i >> 4) * 4 + (i & 3)]!;
    const x = (a + f + K[i]! + m[g]!) >>> 0;
    [a, d, c] = [d, c, b];
    b = (b + ((x << s) | (x >>> (32 - s)))) >>> 0;
  }
  h[0] = (h[0]! + a) >>> 0;
  h[1] = (h[1]! + b) >>> 0;
  h[2] = (h[2]! + c) >>> 0;
  h[3] = (h[3]! + d) >>> 0;
}

function md5Update(st: Md5State, data: Uint8Array): void {
  let used = st.bytes % 64;
  st.bytes += data.length;
  let i = 0;
  if (used > 0) {
    const n = Math.min(64 - used, data.length);
    st.buf.set(data.subarray(0, n), used);
    i = n;
    used += n;
    if (used < 64) return;
    md5Block(st.h, st.buf, 0);
  }
  for (; i + 64 <= data.length; i += 64) md5Block(st.h, data, i);
  st.buf.set(data.subarray(i), 0);
}

function md5Final(st: Md5State): Uint8Array {
  const bits = BigInt(st.bytes) * 8n;
  const padLen = ((55 - (st.bytes % 64)) & 63) + 1;
  const tail = new Uint8Array(padLen + 8);
  tail[0] = 0x80;
  for (let i = 0; i < 8; i++) tail[padLen + i] = Number((bits >> BigInt(8 * i)) & 0xffn);
  md5Update(st, tail);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = (st.h[i >> 2]! >>> (8 * (i & 3))) & 0xff;
  return out;
}

export function md5(data: Uint8Array): Uint8Array {
  const st = newMd5();
  md5Update(st, data);
  return md5Final(st);
}

const CTX_SIZE = 88;

function encodeCtx(st: Md5State): BitString {
  const out = new Uint8Array(CTX_SIZE);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) dv.setUint32(i * 4, st.h[i]!, true);
  dv.setBigUint64(16, BigInt(st.bytes) * 8n, true);
  out.set(st.buf.subarray(0, st.bytes % 64), 24);
  return new BitString(out, CTX_SIZE * 8);
}

function decodeCtx(t: Term): Md5State {
  if (!(t instanceof BitString) || t.bitSize !== CTX_SIZE * 8) return badarg();
  const dv = new DataView(t.bytes.buffer, t.bytes.byteOffset, CTX_SIZE);
  const h = Uint32Array.from({ length: 4 }, (_, i) => dv.getUint32(i * 4, true));
  const bytes = Number(dv.getBigUint64(16, true) / 8n);
  return { h, bytes, buf: t.bytes.slice(24, 88) };
}

const bin = (b: Uint8Array): BitString => new BitString(b, b.length * 8);

export const digestBifs: [string, Bif][] = [
  ['crc32/1', (_p, d) => crc32(bytesOf(d))],
  ['crc32/2', (_p, c, d) => crc32(bytesOf(d), u32Arg(c))],
  ['crc32_combine/3', (_p, a, b, n) => crc32Combine(u32Arg(a), u32Arg(b), u32Arg(n))],
  ['adler32/1', (_p, d) => adler32Iodata(d)],
  ['adler32/2', (_p, a, d) => adler32Iodata(d, u32Arg(a))],
  ['adler32_combine/3', (_p, a, b, n) => adler32Combine(u32Arg(a), u32Arg(b), u32Arg(n))],
  ['md5/1', (_p, d) => bin(md5(bytesOf(d)))],
  ['md5_init/0', () => encodeCtx(newMd5())],
  ['md5_update/2', (_p, ctx, d) => {
    const st = decodeCtx(ctx);
    md5Update(st, bytesOf(d));
    return encodeCtx(st);
  }],
  ['md5_final/1', (_p, ctx) => bin(md5Final(decodeCtx(ctx)))],
];
