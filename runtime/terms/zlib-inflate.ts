/**
 * A raw deflate (RFC 1951) decoder. Strict like zlib's inflate: it rejects
 * over-subscribed or incomplete code sets, distances reaching before the start
 * of the output, reserved block types and stored blocks whose length check
 * fails. Errors are thrown as `InflateError` carrying the input byte offset.
 *
 * Codes are decoded with a canonical-Huffman count/symbol walk (one bit at a
 * time), which is simple and needs no table building beyond two small arrays.
 */

export class InflateError extends Error {
  constructor(
    message: string,
    public readonly offset: number,
  ) {
    super(`${message} (at input byte ${offset})`);
    this.name = 'InflateError';
  }
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A canonical Huffman code: how many codes of each length, symbols in code order. */
interface Huffman {
  count: Int32Array;
  symbol: Int32Array;
}

/**
 * Build a code from code lengths. Returns the number of unused codes (0 for a
 * complete code), or -1 when the lengths are over-subscribed.
 */
function buildHuffman(lengths: ArrayLike<number>, n: number, h: Huffman): number {
  h.count.fill(0);
  for (let s = 0; s < n; s++) h.count[lengths[s]!]++;
  if (h.count[0] === n) return 0;
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left <<= 1;
    left -= h.count[len]!;
    if (left < 0) return -1;
  }
  const offs = new Int32Array(16);
  for (let len = 1; len < 15; len++) offs[len + 1] = offs[len]! + h.count[len]!;
  for (let s = 0; s < n; s++) if (lengths[s] !== 0) h.symbol[offs[lengths[s]!]!++] = s;
  return left;
}

/** zlib accepts an incomplete code only when it is one symbol of length 1. */
const singleCode = (h: Huffman, n: number): boolean => h.count[1] === 1 && n - h.count[0]! === 1;

const newHuffman = (n: number): Huffman => ({ count: new Int32Array(16), symbol: new Int32Array(n) });

let FIXED_LIT: Huffman | undefined;
let FIXED_DIST: Huffman | undefined;

function fixedCodes(): [Huffman, Huffman] {
  if (!FIXED_LIT || !FIXED_DIST) {
    const l = new Int32Array(288);
    l.fill(8, 0, 144);
    l.fill(9, 144, 256);
    l.fill(7, 256, 280);
    l.fill(8, 280, 288);
    FIXED_LIT = newHuffman(288);
    buildHuffman(l, 288, FIXED_LIT);
    FIXED_DIST = newHuffman(30);
    buildHuffman(new Int32Array(30).fill(5), 30, FIXED_DIST);
  }
  return [FIXED_LIT, FIXED_DIST];
}

class Inflater {
  private pos: number;
  private bitBuf = 0;
  private bitCount = 0;
  out = new Uint8Array(1024);
  outLen = 0;

  constructor(
    private readonly input: Uint8Array,
    start: number,
    private readonly maxOut: number,
  ) {
    this.pos = start;
  }

  get position(): number {
    return this.pos;
  }

  fail(message: string): never {
    throw new InflateError(message, this.pos);
  }

  private bits(need: number): number {
    let val = this.bitBuf;
    while (this.bitCount < need) {
      if (this.pos >= this.input.length) this.fail('unexpected end of compressed data');
      val |= this.input[this.pos++]! << this.bitCount;
      this.bitCount += 8;
    }
    this.bitBuf = val >>> need;
    this.bitCount -= need;
    return val & ((1 << need) - 1);
  }

  private decodeSym(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= 15; len++) {
      code |= this.bits(1);
      const count = h.count[len]!;
      if (code - count < first) return h.symbol[index + (code - first)]!;
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    return this.fail('invalid Huffman code');
  }

  private ensureOut(extra: number): void {
    const need = this.outLen + extra;
    if (need > this.maxOut) this.fail('decompressed data longer than announced');
    if (need <= this.out.length) return;
    let cap = this.out.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(Math.min(cap, Math.max(this.maxOut, need)));
    next.set(this.out.subarray(0, this.outLen));
    this.out = next;
  }

  private stored(): void {
    this.bitBuf = 0;
    this.bitCount = 0;
    if (this.pos + 4 > this.input.length) this.fail('unexpected end of compressed data');
    const inp = this.input;
    const len = inp[this.pos]! | (inp[this.pos + 1]! << 8);
    const nlen = inp[this.pos + 2]! | (inp[this.pos + 3]! << 8);
    if (len !== (~nlen & 0xffff)) this.fail('invalid stored block lengths');
    this.pos += 4;
    if (this.pos + len > inp.length) this.fail('unexpected end of compressed data');
    this.ensureOut(len);
    this.out.set(inp.subarray(this.pos, this.pos + len), this.outLen);
    this.outLen += len;
    this.pos += len;
  }

  private codes(lit: Huffman, dist: Huffman): void {
    for (;;) {
      let sym = this.decodeSym(lit);
      if (sym < 256) {
        this.ensureOut(1);
        this.out[this.outLen++] = sym;
        continue;
      }
      if (sym === 256) return;
      sym -= 257;
      if (sym >= 29) this.fail('invalid literal/length code');
      const len = LEN_BASE[sym]! + this.bits(LEN_EXTRA[sym]!);
      const dsym = this.decodeSym(dist);
      if (dsym >= 30) this.fail('invalid distance code');
      const d = DIST_BASE[dsym]! + this.bits(DIST_EXTRA[dsym]!);
      if (d > this.outLen) this.fail('invalid distance too far back');
      this.ensureOut(len);
      const out = this.out;
      let o = this.outLen;
      for (let i = 0; i < len; i++, o++) out[o] = out[o - d]!;
      this.outLen = o;
    }
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) this.fail('too many length or distance symbols');
    const lengths = new Int32Array(320);
    for (let i = 0; i < ncode; i++) lengths[CL_ORDER[i]!] = this.bits(3);
    const lencode = newHuffman(19);
    if (buildHuffman(lengths, 19, lencode) !== 0) this.fail('invalid code lengths set');
    lengths.fill(0);
    let index = 0;
    while (index < nlen + ndist) {
      let sym = this.decodeSym(lencode);
      if (sym < 16) {
        lengths[index++] = sym;
        continue;
      }
      let len = 0;
      if (sym === 16) {
        if (index === 0) this.fail('invalid bit length repeat');
        len = lengths[index - 1]!;
        sym = 3 + this.bits(2);
      } else if (sym === 17) sym = 3 + this.bits(3);
      else sym = 11 + this.bits(7);
      if (index + sym > nlen + ndist) this.fail('invalid bit length repeat');
      while (sym--) lengths[index++] = len;
    }
    if (lengths[256] === 0) this.fail('invalid code -- missing end-of-block');
    const lit = newHuffman(286);
    const litErr = buildHuffman(lengths, nlen, lit);
    if (litErr < 0 || (litErr > 0 && !singleCode(lit, nlen))) this.fail('invalid literal/lengths set');
    const dist = newHuffman(30);
    const distErr = buildHuffman(lengths.subarray(nlen), ndist, dist);
    if (distErr < 0 || (distErr > 0 && !singleCode(dist, ndist))) this.fail('invalid distances set');
    this.codes(lit, dist);
  }

  run(): void {
    let last: number;
    do {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) this.codes(...fixedCodes());
      else if (type === 2) this.dynamic();
      else this.fail('invalid block type');
    } while (!last);
    // Unused bits of the last byte are discarded; whole bytes were not consumed.
    this.bitBuf = 0;
    this.bitCount = 0;
  }
}

/**
 * Decode a raw deflate stream starting at `start`. Returns the data and the
 * offset just after the stream. `maxOut` bounds the output (an error beyond it).
 */
export function rawInflate(
  input: Uint8Array,
  start = 0,
  maxOut = Number.MAX_SAFE_INTEGER,
): { data: Uint8Array; end: number } {
  const inf = new Inflater(input, start, maxOut);
  inf.run();
  return { data: inf.out.subarray(0, inf.outLen), end: inf.position };
}
