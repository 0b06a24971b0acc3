/**
 * The 32-bit mixing primitives shared by BEAM's term hashes (erts utils.c /
 * erl_term_hashing.c): Bob Jenkins' `mix`, the block hash over bytes, the
 * atom-text hash, and word views of integers and floats.
 *
 * Everything works on unsigned 32-bit values held in JS numbers; `>>> 0`
 * keeps them there after each step.
 */

/** The golden-ratio constant and its multiples HCONST * n mod 2^32. */
export const HCONST = 0x9e3779b9;
export const HCONST_n = (n: number): number => Math.imul(HCONST, n) >>> 0;

// Mutable mix state, so `mix` can update all three words without allocating.
let ma = 0;
let mb = 0;
let mc = 0;

function mixState(): void {
  let a = ma;
  let b = mb;
  let c = mc;
  a = (a - b - c) ^ (c >>> 13);
  b = (b - c - a) ^ (a << 8);
  c = (c - a - b) ^ (b >>> 13);
  a = (a - b - c) ^ (c >>> 12);
  b = (b - c - a) ^ (a << 16);
  c = (c - a - b) ^ (b >>> 5);
  a = (a - b - c) ^ (c >>> 3);
  b = (b - c - a) ^ (a << 10);
  c = (c - a - b) ^ (b >>> 15);
  ma = a >>> 0;
  mb = b >>> 0;
  mc = c >>> 0;
}

/**
 * `UINT32_HASH_2(x, y, k)` applied to `hash`: mixes the two words, each offset
 * by the per-type constant `k`, into the running hash; returns the new hash.
 */
export function hash2(x: number, y: number, k: number, hash: number): number {
  ma = (k + x) >>> 0;
  mb = (k + y) >>> 0;
  mc = hash;
  mixState();
  return mc;
}

/** `CONST_HASH(k)`: cheap mixing of a type constant (internal hash only). */
export const constHash = (k: number, hash: number): number => {
  const h = (hash ^ k) >>> 0;
  return ((h << 17) | (h >>> 15)) >>> 0;
};

const le32 = (k: Uint8Array, i: number): number =>
  (k[i]! | (k[i + 1]! << 8) | (k[i + 2]! << 16) | (k[i + 3]! << 24)) >>> 0;

/** Jenkins' one-at-a-time-per-12-bytes block hash (`block_hash`). */
export function blockHash(k: Uint8Array, len: number, initval: number): number {
  ma = mb = HCONST;
  mc = initval;
  let i = 0;
  for (; len - i >= 12; i += 12) {
    ma = (ma + le32(k, i)) >>> 0;
    mb = (mb + le32(k, i + 4)) >>> 0;
    mc = (mc + le32(k, i + 8)) >>> 0;
    mixState();
  }
  mc = (mc + len) >>> 0;
  // The remaining 0..11 bytes; the low byte of c is reserved for the length.
  const rest = len - i;
  let a = 0;
  let b = 0;
  let c = 0;
  for (let j = 0; j < rest; j++) {
    const v = k[i + j]!;
    if (j < 4) a += v * 2 ** (8 * j);
    else if (j < 8) b += v * 2 ** (8 * (j - 4));
    else c += v * 2 ** (8 * (j - 7));
  }
  ma = (ma + a) >>> 0;
  mb = (mb + b) >>> 0;
  mc = (mc + c) >>> 0;
  mixState();
  return mc;
}

// ---------------------------------------------------------------------------
// Atom text hash

const atomHashes = new Map<string, number>();
const utf8 = new TextEncoder();

/**
 * The atom table's hash of an atom's text (`atom_hash` in atom.c): hashpjw
 * over the UTF-8 bytes, except that a two-byte sequence for U+0080..U+00FF
 * counts as its single Latin-1 byte (so atoms hash as they did before atoms
 * became Unicode). `erlang:phash2(Atom)` exposes it directly.
 */
export function atomTextHash(a: string): number {
  let h = atomHashes.get(a);
  if (h !== undefined) return h;
  const p = utf8.encode(a);
  h = 0;
  for (let i = 0; i < p.length; i++) {
    let v = p[i]!;
    if (i + 1 < p.length && (v & 0xfe) === 0xc2 && (p[i + 1]! & 0xc0) === 0x80) {
      v = ((v << 6) | (p[i + 1]! & 0x3f)) & 0xff;
      i++;
    }
    h = (h << 4) + v;
    const g: number = h & 0xf0000000;
    if (g !== 0) h = (h ^ (g >>> 24) ^ g) >>> 0;
  }
  atomHashes.set(a, h);
  return h;
}

// ---------------------------------------------------------------------------
// Words of numbers

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The two 32-bit halves of a float as BEAM stores it, `[fw0, fw1]` in memory
 * order on a little-endian machine (low word first). -0.0 is hashed as 0.0.
 */
export function floatWords(x: number): [number, number] {
  f64[0] = x === 0 ? 0 : x;
  return LITTLE ? [u32[0]!, u32[1]!] : [u32[1]!, u32[0]!];
}

const TWO32 = 2 ** 32;
const MASK32 = 0xffffffffn;

/**
 * |n| as little-endian 32-bit words (at least one word). BEAM stores bignums
 * as 64-bit digits; callers pair these words up as needed.
 */
export function magnitudeWords(n: number | bigint): number[] {
  if (typeof n === 'number') {
    const m = Math.abs(n);
    const lo = m % TWO32;
    const hi = Math.floor(m / TWO32);
    return hi === 0 ? [lo] : [lo, hi];
  }
  let m = n < 0n ? -n : n;
  const ws: number[] = [];
  do {
    ws.push(Number(m & MASK32));
    m >>= 32n;
  } while (m > 0n);
  return ws;
}
