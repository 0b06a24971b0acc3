/**
 * SHA-384 and SHA-512 (FIPS 180-4). The 64-bit words are pairs of 32-bit
 * halves (high, low) in Uint32Arrays, so the rounds run on plain numbers
 * rather than BigInt (an order of magnitude faster in V8).
 */
import { BlockHasher } from './crypto-hash.js';
import { SHA384_IV, SHA512_IV, SHA512_K } from './crypto-md.js';

const split = (xs: readonly bigint[]): number[] => xs.flatMap((x) => [Number(x >> 32n), Number(x & 0xffffffffn)]);

const K = Uint32Array.from(split(SHA512_K));

/** Bits of rotr(x, n) for 64-bit x = (hi, lo): the high half, then the low half. */
const rotrHi = (hi: number, lo: number, n: number): number =>
  n < 32 ? ((hi >>> n) | (lo << (32 - n))) >>> 0 : ((lo >>> (n - 32)) | (hi << (64 - n))) >>> 0;
const rotrLo = (hi: number, lo: number, n: number): number =>
  n < 32 ? ((lo >>> n) | (hi << (32 - n))) >>> 0 : ((hi >>> (n - 32)) | (lo << (64 - n))) >>> 0;
const shrHi = (hi: number, _lo: number, n: number): number => hi >>> n;
const shrLo = (hi: number, lo: number, n: number): number => ((lo >>> n) | (hi << (32 - n))) >>> 0;

export class Sha512 extends BlockHasher {
  /** The message schedule: 80 words as (hi, lo) pairs. */
  private readonly w = new Uint32Array(160);
  constructor(private readonly is384 = false) {
    super(split(is384 ? SHA384_IV : SHA512_IV), 128, true, is384 ? 48 : 64);
  }
  protected fresh(): BlockHasher { return new Sha512(this.is384); }

  protected compress(data: Uint8Array, off: number): void {
    const w = this.w;
    for (let i = 0; i < 32; i++) {
      const j = off + 4 * i;
      w[i] = ((data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!) >>> 0;
    }
    for (let i = 16; i < 80; i++) {
      const [h15, l15] = [w[2 * (i - 15)]!, w[2 * (i - 15) + 1]!];
      const [h2, l2] = [w[2 * (i - 2)]!, w[2 * (i - 2) + 1]!];
      const s0h = rotrHi(h15, l15, 1) ^ rotrHi(h15, l15, 8) ^ shrHi(h15, l15, 7);
      const s0l = rotrLo(h15, l15, 1) ^ rotrLo(h15, l15, 8) ^ shrLo(h15, l15, 7);
      const s1h = rotrHi(h2, l2, 19) ^ rotrHi(h2, l2, 61) ^ shrHi(h2, l2, 6);
      const s1l = rotrLo(h2, l2, 19) ^ rotrLo(h2, l2, 61) ^ shrLo(h2, l2, 6);
      const lo = (s0l >>> 0) + (s1l >>> 0) + w[2 * (i - 16) + 1]! + w[2 * (i - 7) + 1]!;
      const hi = (s0h >>> 0) + (s1h >>> 0) + w[2 * (i - 16)]! + w[2 * (i - 7)]! + Math.floor(lo / 2 ** 32);
      w[2 * i] = hi >>> 0;
      w[2 * i + 1] = lo >>> 0;
    }
    this.rounds();
  }

  /** The 80 rounds over a..h held as 16 local halves (no arrays in the loop). */
  private rounds(): void {
    const h = this.h;
    const w = this.w;
    let ah = h[0]!, al = h[1]!, bh = h[2]!, bl = h[3]!, ch = h[4]!, cl = h[5]!, dh = h[6]!, dl = h[7]!;
    let eh = h[8]!, el = h[9]!, fh = h[10]!, fl = h[11]!, gh = h[12]!, gl = h[13]!, hh = h[14]!, hl = h[15]!;
    for (let i = 0; i < 80; i++) {
      const s1h = rotrHi(eh, el, 14) ^ rotrHi(eh, el, 18) ^ rotrHi(eh, el, 41);
      const s1l = rotrLo(eh, el, 14) ^ rotrLo(eh, el, 18) ^ rotrLo(eh, el, 41);
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1l = hl + (s1l >>> 0) + (chl >>> 0) + K[2 * i + 1]! + w[2 * i + 1]!;
      const t1h = hh + (s1h >>> 0) + (chh >>> 0) + K[2 * i]! + w[2 * i]! + Math.floor(t1l / 2 ** 32);
      const s0h = rotrHi(ah, al, 28) ^ rotrHi(ah, al, 34) ^ rotrHi(ah, al, 39);
      const s0l = rotrLo(ah, al, 28) ^ rotrLo(ah, al, 34) ^ rotrLo(ah, al, 39);
      const mjh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const mjl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = (s0l >>> 0) + (mjl >>> 0);
      const t2h = (s0h >>> 0) + (mjh >>> 0) + Math.floor(t2l / 2 ** 32);
      hh = gh; hl = gl;
      gh = fh; gl = fl;
      fh = eh; fl = el;
      const nel = dl + (t1l >>> 0);
      eh = (dh + (t1h >>> 0) + Math.floor(nel / 2 ** 32)) >>> 0;
      el = nel >>> 0;
      dh = ch; dl = cl;
      ch = bh; cl = bl;
      bh = ah; bl = al;
      const nal = (t1l >>> 0) + (t2l >>> 0);
      ah = ((t1h >>> 0) + (t2h >>> 0) + Math.floor(nal / 2 ** 32)) >>> 0;
      al = nal >>> 0;
    }
    const v = [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl];
    for (let i = 0; i < 8; i++) {
      const lo = h[2 * i + 1]! + v[2 * i + 1]!;
      h[2 * i] = (h[2 * i]! + v[2 * i]! + Math.floor(lo / 2 ** 32)) >>> 0;
      h[2 * i + 1] = lo >>> 0;
    }
  }
}
