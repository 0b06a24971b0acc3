/**
 * Message digests for the `crypto` module, in plain TypeScript (the runtime
 * also runs in browsers: no node:crypto). Every algorithm is a `Hasher` that
 * can be copied at any point, because crypto:hash_update/2 returns a new
 * state and leaves the old one usable, as OpenSSL's EVP_MD_CTX_copy does.
 *
 * The Merkle–Damgård family (MD4, MD5, RIPEMD-160, SHA-1, SHA-2) shares
 * `BlockHasher`: input buffered into blocks, the final block padded with
 * 0x80, zeros and the bit length. Each algorithm brings its compression
 * function and byte order. SHA-3 and BLAKE2 live in ./crypto-sha3.ts and
 * ./crypto-blake2.ts.
 */

export interface Hasher {
  update(data: Uint8Array): void;
  /** The digest of everything so far; the hasher must not be used afterwards. */
  digest(): Uint8Array;
  clone(): Hasher;
}

export abstract class BlockHasher implements Hasher {
  /** The chaining state, 32-bit words. */
  h: Uint32Array;
  protected buf: Uint8Array;
  protected used = 0;
  protected total = 0;

  constructor(
    init: readonly number[],
    protected readonly blockSize: 64 | 128,
    protected readonly bigEndian: boolean,
    protected readonly outBytes: number,
  ) {
    this.h = Uint32Array.from(init);
    this.buf = new Uint8Array(blockSize);
  }

  /** Mix one block (at `off` in `data`) into `h`. */
  protected abstract compress(data: Uint8Array, off: number): void;

  /** A new hasher of the same algorithm in its initial state. */
  protected abstract fresh(): BlockHasher;

  update(data: Uint8Array): void {
    this.total += data.length;
    let i = 0;
    if (this.used > 0) {
      const n = Math.min(this.blockSize - this.used, data.length);
      this.buf.set(data.subarray(0, n), this.used);
      this.used += n;
      i = n;
      if (this.used < this.blockSize) return;
      this.compress(this.buf, 0);
      this.used = 0;
    }
    for (; i + this.blockSize <= data.length; i += this.blockSize) this.compress(data, i);
    this.buf.set(data.subarray(i), 0);
    this.used = data.length - i;
  }

  digest(): Uint8Array {
    const lenBytes = this.blockSize === 128 ? 16 : 8;
    const bits = BigInt(this.total) * 8n;
    const padLen = this.blockSize - ((this.total + lenBytes) % this.blockSize);
    const tail = new Uint8Array(padLen + lenBytes);
    tail[0] = 0x80;
    for (let i = 0; i < 8; i++) {
      const byte = Number((bits >> BigInt(8 * i)) & 0xffn);
      tail[this.bigEndian ? tail.length - 1 - i : padLen + i] = byte;
    }
    this.update(tail);
    const out = new Uint8Array(this.outBytes);
    for (let i = 0; i < this.outBytes; i++) {
      const w = this.h[i >> 2]!;
      out[i] = this.bigEndian ? (w >>> (24 - 8 * (i & 3))) & 0xff : (w >>> (8 * (i & 3))) & 0xff;
    }
    return out;
  }

  clone(): Hasher {
    const c = this.fresh();
    c.h.set(this.h);
    c.buf.set(this.buf);
    c.used = this.used;
    c.total = this.total;
    return c;
  }
}

/** 16 words of a block, big- or little-endian. */
export function readWords(data: Uint8Array, off: number, bigEndian: boolean, out: Uint32Array): Uint32Array {
  for (let i = 0; i < out.length; i++) {
    const j = off + 4 * i;
    out[i] = bigEndian
      ? ((data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!) >>> 0
      : (data[j]! | (data[j + 1]! << 8) | (data[j + 2]! << 16) | (data[j + 3]! << 24)) >>> 0;
  }
  return out;
}

export const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0;
export const rotr = (x: number, n: number): number => ((x >>> n) | (x << (32 - n))) >>> 0;
