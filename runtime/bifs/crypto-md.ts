/**
 * The 32-bit-word digests: MD4 (RFC 1320), MD5 (RFC 1321), RIPEMD-160,
 * SHA-1 and SHA-224/256 (FIPS 180-4). SHA-2's round constants are derived
 * here exactly (integer roots of the first primes, with BigInt) rather than
 * written out; ./crypto-sha512.ts uses the same derivation.
 */
import { BlockHasher, readWords, rotl, rotr } from './crypto-hash.js';

const MD_IV = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];

// ---- MD4 ---------------------------------------------------------------------

const MD4_ORDER = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15],
  [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15],
];
const MD4_SHIFT = [[3, 7, 11, 19], [3, 5, 9, 13], [3, 9, 11, 15]];
const MD4_K = [0, 0x5a827999, 0x6ed9eba1];

export class Md4 extends BlockHasher {
  private readonly w = new Uint32Array(16);
  constructor() { super(MD_IV, 64, false, 16); }
  protected fresh(): BlockHasher { return new Md4(); }
  protected compress(data: Uint8Array, off: number): void {
    const x = readWords(data, off, false, this.w);
    const v = [this.h[0]!, this.h[1]!, this.h[2]!, this.h[3]!];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 16; i++) {
        const [a, b, c, d] = [v[(16 - i) % 4]!, v[(17 - i) % 4]!, v[(18 - i) % 4]!, v[(19 - i) % 4]!];
        const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
        v[(16 - i) % 4] = rotl((a + f + x[MD4_ORDER[round]![i]!]! + MD4_K[round]!) >>> 0, MD4_SHIFT[round]![i % 4]!);
      }
    }
    for (let i = 0; i < 4; i++) this.h[i] = (this.h[i]! + v[i]!) >>> 0;
  }
}

// ---- MD5 ---------------------------------------------------------------------

const MD5_SHIFT = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
const MD5_K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);

export class Md5 extends BlockHasher {
  private readonly w = new Uint32Array(16);
  constructor() { super(MD_IV, 64, false, 16); }
  protected fresh(): BlockHasher { return new Md5(); }
  protected compress(data: Uint8Array, off: number): void {
    const m = readWords(data, off, false, this.w);
    let a = this.h[0]!;
    let b = this.h[1]!;
    let c = this.h[2]!;
    let d = this.h[3]!;
    for (let i = 0; i < 64; i++) {
      let f: number;
      let g: number;
      if (i < 16) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (i < 32) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (i < 48) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const x = (a + f + MD5_K[i]! + m[g]!) >>> 0;
      a = d;
      d = c;
      c = b;
      b = (b + rotl(x, MD5_SHIFT[(i >> 4) * 4 + (i & 3)]!)) >>> 0;
    }
    this.h[0] = (this.h[0]! + a) >>> 0;
    this.h[1] = (this.h[1]! + b) >>> 0;
    this.h[2] = (this.h[2]! + c) >>> 0;
    this.h[3] = (this.h[3]! + d) >>> 0;
  }
}

// ---- RIPEMD-160 --------------------------------------------------------------

const RMD_R = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
  3, 10, 14, 4, 9, 15, 8, 1, 2, 7, 0, 6, 13, 11, 5, 12, 1, 9, 11, 10, 0, 8, 12, 4, 13, 3, 7, 15, 14, 5, 6, 2,
  4, 0, 5, 9, 7, 12, 2, 10, 14, 1, 3, 8, 11, 6, 15, 13];
const RMD_RR = [
  5, 14, 7, 0, 9, 2, 11, 4, 13, 6, 15, 8, 1, 10, 3, 12, 6, 11, 3, 7, 0, 13, 5, 10, 14, 15, 8, 12, 4, 9, 1, 2,
  15, 5, 1, 3, 7, 14, 6, 9, 11, 8, 12, 2, 10, 0, 4, 13, 8, 6, 4, 1, 3, 11, 15, 0, 5, 12, 2, 13, 9, 7, 10, 14,
  12, 15, 10, 4, 1, 5, 8, 7, 6, 2, 13, 14, 0, 3, 9, 11];
const RMD_S = [
  11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8, 7, 6, 8, 13, 11, 9, 7, 15, 7, 12, 15, 9, 11, 7, 13, 12,
  11, 13, 6, 7, 14, 9, 13, 15, 14, 8, 13, 6, 5, 12, 7, 5, 11, 12, 14, 15, 14, 15, 9, 8, 9, 14, 5, 6, 8, 6, 5, 12,
  9, 15, 5, 11, 6, 8, 13, 12, 5, 12, 13, 14, 11, 8, 5, 6];
const RMD_SS = [
  8, 9, 9, 11, 13, 15, 15, 5, 7, 7, 8, 11, 14, 14, 12, 6, 9, 13, 15, 7, 12, 8, 9, 11, 7, 7, 12, 7, 6, 15, 13, 11,
  9, 7, 15, 11, 8, 6, 6, 14, 12, 13, 5, 14, 13, 13, 7, 5, 15, 5, 8, 11, 14, 14, 6, 14, 6, 9, 12, 9, 12, 5, 15, 8,
  8, 5, 12, 9, 12, 5, 14, 6, 8, 13, 6, 5, 15, 13, 11, 11];
const RMD_K = [0, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e];
const RMD_KK = [0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0];

function rmdF(j: number, x: number, y: number, z: number): number {
  switch (j >> 4) {
    case 0: return x ^ y ^ z;
    case 1: return (x & y) | (~x & z);
    case 2: return (x | ~y) ^ z;
    case 3: return (x & z) | (y & ~z);
    default: return x ^ (y | ~z);
  }
}

export class Ripemd160 extends BlockHasher {
  private readonly w = new Uint32Array(16);
  constructor() { super([...MD_IV, 0xc3d2e1f0], 64, false, 20); }
  protected fresh(): BlockHasher { return new Ripemd160(); }
  protected compress(data: Uint8Array, off: number): void {
    const x = readWords(data, off, false, this.w);
    const h = this.h;
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!;
    let aa = a, bb = b, cc = c, dd = d, ee = e;
    for (let j = 0; j < 80; j++) {
      let t = (rotl((a + rmdF(j, b, c, d) + x[RMD_R[j]!]! + RMD_K[j >> 4]!) >>> 0, RMD_S[j]!) + e) >>> 0;
      a = e;
      e = d;
      d = rotl(c, 10);
      c = b;
      b = t;
      t = (rotl((aa + rmdF(79 - j, bb, cc, dd) + x[RMD_RR[j]!]! + RMD_KK[j >> 4]!) >>> 0, RMD_SS[j]!) + ee) >>> 0;
      aa = ee;
      ee = dd;
      dd = rotl(cc, 10);
      cc = bb;
      bb = t;
    }
    const t = (h[1]! + c + dd) >>> 0;
    h[1] = (h[2]! + d + ee) >>> 0;
    h[2] = (h[3]! + e + aa) >>> 0;
    h[3] = (h[4]! + a + bb) >>> 0;
    h[4] = (h[0]! + b + cc) >>> 0;
    h[0] = t;
  }
}

// ---- SHA-1 -------------------------------------------------------------------

export class Sha1 extends BlockHasher {
  private readonly w = new Uint32Array(80);
  constructor() { super([...MD_IV, 0xc3d2e1f0], 64, true, 20); }
  protected fresh(): BlockHasher { return new Sha1(); }
  protected compress(data: Uint8Array, off: number): void {
    const w = this.w;
    readWords(data, off, true, w.subarray(0, 16));
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    let a = this.h[0]!, b = this.h[1]!, c = this.h[2]!, d = this.h[3]!, e = this.h[4]!;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotl(a, 5) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = t;
    }
    this.h[0] = (this.h[0]! + a) >>> 0;
    this.h[1] = (this.h[1]! + b) >>> 0;
    this.h[2] = (this.h[2]! + c) >>> 0;
    this.h[3] = (this.h[3]! + d) >>> 0;
    this.h[4] = (this.h[4]! + e) >>> 0;
  }
}

// ---- SHA-2 constants ---------------------------------------------------------

const PRIMES = (() => {
  const ps: number[] = [];
  for (let n = 2; ps.length < 80; n++) if (ps.every((p) => n % p !== 0)) ps.push(n);
  return ps;
})();

/** floor(x^(1/k)) for a non-negative bigint, by Newton's method. */
function iroot(x: bigint, k: bigint): bigint {
  if (x < 2n) return x;
  let r = 1n << (BigInt(x.toString(2).length) / k + 1n);
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) return r;
    r = next;
  }
}

/** The first 64 bits of the fractional part of p^(1/k). */
const frac64 = (p: number, k: bigint): bigint => iroot(BigInt(p) << (64n * k), k) & ((1n << 64n) - 1n);

/** SHA-512's 80 round constants (cube roots of the first 80 primes). */
export const SHA512_K: readonly bigint[] = PRIMES.map((p) => frac64(p, 3n));
/** SHA-512's and SHA-384's initial values (square roots of primes 1–8 and 9–16). */
export const SHA512_IV: readonly bigint[] = PRIMES.slice(0, 8).map((p) => frac64(p, 2n));
export const SHA384_IV: readonly bigint[] = PRIMES.slice(8, 16).map((p) => frac64(p, 2n));

const SHA256_K = Uint32Array.from(SHA512_K.slice(0, 64).map((k) => Number(k >> 32n)));
const SHA256_IV = SHA512_IV.map((v) => Number(v >> 32n));
/** SHA-224's initial values are the low halves of SHA-384's. */
const SHA224_IV = SHA384_IV.map((v) => Number(v & 0xffffffffn));

// ---- SHA-224 / SHA-256 -------------------------------------------------------

export class Sha256 extends BlockHasher {
  private readonly w = new Uint32Array(64);
  constructor(private readonly is224 = false) { super(is224 ? SHA224_IV : SHA256_IV, 64, true, is224 ? 28 : 32); }
  protected fresh(): BlockHasher { return new Sha256(this.is224); }
  protected compress(data: Uint8Array, off: number): void {
    const w = this.w;
    readWords(data, off, true, w.subarray(0, 16));
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15]!, 7) ^ rotr(w[i - 15]!, 18) ^ (w[i - 15]! >>> 3);
      const s1 = rotr(w[i - 2]!, 17) ^ rotr(w[i - 2]!, 19) ^ (w[i - 2]! >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    const h = this.h;
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i]! + w[i]!) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
}
