/**
 * SHA-3 (FIPS 202) and BLAKE2b/BLAKE2s (RFC 7693), unkeyed, with the digest
 * sizes OpenSSL gives crypto:hash/2 (BLAKE2b-512, BLAKE2s-256).
 *
 * Keccak and BLAKE2b work on 64-bit lanes as BigInt: simple and exact, but
 * slower than the 32-bit digests (a few MB/s); BLAKE2s uses plain numbers.
 * Keccak's round constants and rotation offsets are generated as FIPS 202
 * defines them (the LFSR and the (x, y) walk), not written out.
 */
import type { Hasher } from './crypto-hash.js';
import { SHA512_IV } from './crypto-md.js';

const M64 = (1n << 64n) - 1n;
const rotl64 = (x: bigint, n: number): bigint => (n === 0 ? x : ((x << BigInt(n)) | (x >> BigInt(64 - n))) & M64);

/** rc(t) of FIPS 202: one bit of the LFSR x^8 + x^6 + x^5 + x^4 + 1. */
function rcBit(t: number): number {
  let r = 1;
  for (let i = 0; i < t % 255; i++) {
    r <<= 1;
    if (r & 0x100) r ^= 0x171;
  }
  return r & 1;
}

const ROUND_CONSTANTS: bigint[] = Array.from({ length: 24 }, (_, i) => {
  let rc = 0n;
  for (let j = 0; j <= 6; j++) if (rcBit(j + 7 * i)) rc |= 1n << BigInt(2 ** j - 1);
  return rc;
});

/** Rotation offset of lane x + 5y. */
const RHO: number[] = (() => {
  const r = new Array<number>(25).fill(0);
  let [x, y] = [1, 0];
  for (let t = 0; t < 24; t++) {
    r[x + 5 * y] = (((t + 1) * (t + 2)) / 2) % 64;
    [x, y] = [y, (2 * x + 3 * y) % 5];
  }
  return r;
})();

function keccakF(a: BigUint64Array): void {
  const c = new Array<bigint>(5);
  const b = new Array<bigint>(25);
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++) c[x] = a[x]! ^ a[x + 5]! ^ a[x + 10]! ^ a[x + 15]! ^ a[x + 20]!;
    for (let x = 0; x < 5; x++) {
      const d = c[(x + 4) % 5]! ^ rotl64(c[(x + 1) % 5]!, 1);
      for (let y = 0; y < 25; y += 5) a[x + y] ^= d;
    }
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl64(a[x + 5 * y]!, RHO[x + 5 * y]!);
    }
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) a[x + y] = b[x + y]! ^ (~b[((x + 1) % 5) + y]! & M64 & b[((x + 2) % 5) + y]!);
    }
    a[0] ^= ROUND_CONSTANTS[round]!;
  }
}

export class Sha3 implements Hasher {
  private state = new BigUint64Array(25);
  private buf: Uint8Array;
  private used = 0;
  private readonly rate: number;
  constructor(private readonly bits: 224 | 256 | 384 | 512) {
    this.rate = 200 - bits / 4;
    this.buf = new Uint8Array(this.rate);
  }

  private absorb(block: Uint8Array): void {
    const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
    for (let i = 0; i < this.rate / 8; i++) this.state[i] ^= view.getBigUint64(8 * i, true);
    keccakF(this.state);
  }

  update(data: Uint8Array): void {
    for (let i = 0; i < data.length;) {
      const n = Math.min(this.rate - this.used, data.length - i);
      this.buf.set(data.subarray(i, i + n), this.used);
      this.used += n;
      i += n;
      if (this.used === this.rate) {
        this.absorb(this.buf);
        this.used = 0;
      }
    }
  }

  digest(): Uint8Array {
    this.buf.fill(0, this.used);
    this.buf[this.used] ^= 0x06;
    this.buf[this.rate - 1] ^= 0x80;
    this.absorb(this.buf);
    const out = new Uint8Array(this.bits / 8);
    const view = new DataView(new ArrayBuffer(200));
    for (let i = 0; i < 25; i++) view.setBigUint64(8 * i, this.state[i]!, true);
    out.set(new Uint8Array(view.buffer, 0, out.length));
    return out;
  }

  clone(): Hasher {
    const c = new Sha3(this.bits);
    c.state.set(this.state);
    c.buf.set(this.buf);
    c.used = this.used;
    return c;
  }
}

// ---- BLAKE2 ------------------------------------------------------------------

const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15], [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4], [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13], [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11], [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5], [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/** The column and diagonal steps of a round: (a, b, c, d) indexes into v. */
const STEPS = [[0, 4, 8, 12], [1, 5, 9, 13], [2, 6, 10, 14], [3, 7, 11, 15],
  [0, 5, 10, 15], [1, 6, 11, 12], [2, 7, 8, 13], [3, 4, 9, 14]];

/** One BLAKE2 variant: word arithmetic over T (number for 2s, bigint for 2b). */
interface Words<T> {
  bytes: 4 | 8;
  rounds: number;
  rot: [number, number, number, number];
  iv: T[];
  add(a: T, b: T): T;
  xor(a: T, b: T): T;
  rotr(x: T, n: number): T;
  not(x: T): T;
  read(b: Uint8Array, off: number): T;
  write(out: Uint8Array, off: number, x: T): void;
  fromNumber(n: number): T;
}

const B2S: Words<number> = {
  bytes: 4,
  rounds: 10,
  rot: [16, 12, 8, 7],
  iv: [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19],
  add: (a, b) => (a + b) >>> 0,
  xor: (a, b) => (a ^ b) >>> 0,
  rotr: (x, n) => ((x >>> n) | (x << (32 - n))) >>> 0,
  not: (x) => ~x >>> 0,
  read: (b, o) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0,
  write: (out, o, x) => { for (let i = 0; i < 4; i++) out[o + i] = (x >>> (8 * i)) & 0xff; },
  fromNumber: (n) => n >>> 0,
};

const B2B: Words<bigint> = {
  bytes: 8,
  rounds: 12,
  rot: [32, 24, 16, 63],
  iv: [...SHA512_IV],
  add: (a, b) => (a + b) & M64,
  xor: (a, b) => a ^ b,
  rotr: (x, n) => ((x >> BigInt(n)) | (x << BigInt(64 - n))) & M64,
  not: (x) => ~x & M64,
  read: (b, o) => new DataView(b.buffer, b.byteOffset + o, 8).getBigUint64(0, true),
  write: (out, o, x) => new DataView(out.buffer, out.byteOffset + o, 8).setBigUint64(0, x, true),
  fromNumber: (n) => BigInt(n),
};

export class Blake2<T> implements Hasher {
  private h: T[];
  private buf: Uint8Array;
  private used = 0;
  private count = 0;

  constructor(private readonly w: Words<T>, private readonly outLen: number) {
    this.h = [...w.iv];
    // Parameter block: digest length, no key, fanout 1, depth 1.
    this.h[0] = w.xor(w.iv[0]!, w.fromNumber(0x01010000 | outLen));
    this.buf = new Uint8Array(16 * w.bytes);
  }

  private compress(block: Uint8Array, last: boolean): void {
    const w = this.w;
    const m = Array.from({ length: 16 }, (_, i) => w.read(block, i * w.bytes));
    const v = [...this.h, ...w.iv];
    const bits = 8 * w.bytes;
    v[12] = w.xor(v[12]!, w.fromNumber(this.count % 2 ** bits));
    v[13] = w.xor(v[13]!, w.fromNumber(Math.floor(this.count / 2 ** bits)));
    if (last) v[14] = w.not(v[14]!);
    const [r1, r2, r3, r4] = w.rot;
    for (let round = 0; round < w.rounds; round++) {
      const s = SIGMA[round % 10]!;
      STEPS.forEach(([a, b, c, d], k) => {
        v[a!] = w.add(w.add(v[a!]!, v[b!]!), m[s[2 * k]!]!);
        v[d!] = w.rotr(w.xor(v[d!]!, v[a!]!), r1);
        v[c!] = w.add(v[c!]!, v[d!]!);
        v[b!] = w.rotr(w.xor(v[b!]!, v[c!]!), r2);
        v[a!] = w.add(w.add(v[a!]!, v[b!]!), m[s[2 * k + 1]!]!);
        v[d!] = w.rotr(w.xor(v[d!]!, v[a!]!), r3);
        v[c!] = w.add(v[c!]!, v[d!]!);
        v[b!] = w.rotr(w.xor(v[b!]!, v[c!]!), r4);
      });
    }
    for (let i = 0; i < 8; i++) this.h[i] = w.xor(w.xor(this.h[i]!, v[i]!), v[i + 8]!);
  }

  update(data: Uint8Array): void {
    const size = this.buf.length;
    for (let i = 0; i < data.length;) {
      // The last block is compressed with the final flag: keep a full block until more data comes.
      if (this.used === size) {
        this.count += size;
        this.compress(this.buf, false);
        this.used = 0;
      }
      const n = Math.min(size - this.used, data.length - i);
      this.buf.set(data.subarray(i, i + n), this.used);
      this.used += n;
      i += n;
    }
  }

  digest(): Uint8Array {
    this.count += this.used;
    this.buf.fill(0, this.used);
    this.compress(this.buf, true);
    const full = new Uint8Array(8 * this.w.bytes);
    this.h.forEach((x, i) => this.w.write(full, i * this.w.bytes, x));
    return full.slice(0, this.outLen);
  }

  clone(): Hasher {
    const c = new Blake2(this.w, this.outLen);
    c.h = [...this.h];
    c.buf.set(this.buf);
    c.used = this.used;
    c.count = this.count;
    return c;
  }
}

export const blake2s = (): Hasher => new Blake2(B2S, 32);
export const blake2b = (): Hasher => new Blake2(B2B, 64);
