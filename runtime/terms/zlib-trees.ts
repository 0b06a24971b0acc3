/**
 * The block layer of a zlib-compatible deflate: symbol buffering, Huffman tree
 * construction and bit output, following the algorithm of zlib 1.2.x `trees.c`
 * step by step (same heap tie-breaking, same bit-length overflow repair, same
 * choice between stored, fixed and dynamic blocks). That sameness is the point:
 * `term_to_binary(T, [compressed])` must produce the very bytes BEAM's zlib
 * produces, and Node's bundled zlib (Chromium's fork) chooses different matches
 * and blocks. See ./zlib-deflate.ts for the match finder that feeds this layer.
 */

const MAX_BITS = 15;
const MAX_BL_BITS = 7;
const LENGTH_CODES = 29;
const LITERALS = 256;
const L_CODES = LITERALS + 1 + LENGTH_CODES; // 286
const D_CODES = 30;
const BL_CODES = 19;
const HEAP_SIZE = 2 * L_CODES + 1;
const END_BLOCK = 256;
const REP_3_6 = 16;
const REPZ_3_10 = 17;
const REPZ_11_138 = 18;
const STORED_BLOCK = 0;
const STATIC_TREES = 1;
const DYN_TREES = 2;

const EXTRA_LBITS = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const EXTRA_DBITS = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const EXTRA_BLBITS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];
/** The order in which the bit-length code lengths are sent (RFC 1951, 3.2.7). */
const BL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length (match length - 3) -> length code; distance -> distance code tables. */
const LENGTH_CODE = new Uint8Array(256);
const BASE_LENGTH = new Int32Array(LENGTH_CODES);
const DIST_CODE = new Uint8Array(512);
const BASE_DIST = new Int32Array(D_CODES);

/** A Huffman tree: per node frequency, code, bit length and parent. */
interface Tree {
  freq: Int32Array;
  code: Int32Array;
  len: Int32Array;
  dad: Int32Array;
}

interface StaticDesc {
  tree: Tree | null;
  extra: readonly number[];
  extraBase: number;
  elems: number;
  maxLength: number;
}

const newTree = (size: number): Tree => ({
  freq: new Int32Array(size),
  code: new Int32Array(size),
  len: new Int32Array(size),
  dad: new Int32Array(size),
});

function reverseBits(code: number, len: number): number {
  let res = 0;
  do {
    res |= code & 1;
    code >>>= 1;
    res <<= 1;
  } while (--len > 0);
  return res >>> 1;
}

/** Canonical codes from bit lengths (RFC 1951, 3.2.2), bit-reversed for output. */
function genCodes(tree: Tree, maxCode: number, blCount: Int32Array): void {
  const nextCode = new Int32Array(MAX_BITS + 1);
  let code = 0;
  for (let bits = 1; bits <= MAX_BITS; bits++) {
    code = (code + blCount[bits - 1]!) << 1;
    nextCode[bits] = code;
  }
  for (let n = 0; n <= maxCode; n++) {
    const len = tree.len[n]!;
    if (len === 0) continue;
    tree.code[n] = reverseBits(nextCode[len]!++, len);
  }
}

const STATIC_LTREE = newTree(L_CODES + 2);
const STATIC_DTREE = newTree(D_CODES);

function initStaticTables(): void {
  let length = 0;
  let code = 0;
  for (code = 0; code < LENGTH_CODES - 1; code++) {
    BASE_LENGTH[code] = length;
    for (let n = 0; n < 1 << EXTRA_LBITS[code]!; n++) LENGTH_CODE[length++] = code;
  }
  // Length 258 has two encodings (284 + 5 bits, or 285); zlib picks 285.
  LENGTH_CODE[length - 1] = code;
  let dist = 0;
  for (code = 0; code < 16; code++) {
    BASE_DIST[code] = dist;
    for (let n = 0; n < 1 << EXTRA_DBITS[code]!; n++) DIST_CODE[dist++] = code;
  }
  dist >>= 7;
  for (; code < D_CODES; code++) {
    BASE_DIST[code] = dist << 7;
    for (let n = 0; n < 1 << (EXTRA_DBITS[code]! - 7); n++) DIST_CODE[256 + dist++] = code;
  }
  const blCount = new Int32Array(MAX_BITS + 1);
  const setLen = (from: number, to: number, bits: number): void => {
    for (let n = from; n <= to; n++) STATIC_LTREE.len[n] = bits;
    blCount[bits] += to - from + 1;
  };
  setLen(0, 143, 8);
  setLen(144, 255, 9);
  setLen(256, 279, 7);
  setLen(280, 287, 8);
  genCodes(STATIC_LTREE, L_CODES + 1, blCount);
  for (let n = 0; n < D_CODES; n++) {
    STATIC_DTREE.len[n] = 5;
    STATIC_DTREE.code[n] = reverseBits(n, 5);
  }
}
initStaticTables();

const STATIC_L_DESC: StaticDesc = { tree: STATIC_LTREE, extra: EXTRA_LBITS, extraBase: LITERALS + 1, elems: L_CODES, maxLength: MAX_BITS };
const STATIC_D_DESC: StaticDesc = { tree: STATIC_DTREE, extra: EXTRA_DBITS, extraBase: 0, elems: D_CODES, maxLength: MAX_BITS };
const STATIC_BL_DESC: StaticDesc = { tree: null, extra: EXTRA_BLBITS, extraBase: 0, elems: BL_CODES, maxLength: MAX_BL_BITS };

const distCode = (dist: number): number => (dist < 256 ? DIST_CODE[dist]! : DIST_CODE[256 + (dist >>> 7)]!);

/** Growable output with LSB-first bit packing, as deflate streams are written. */
export class BitSink {
  bytes = new Uint8Array(1024);
  length = 0;
  private bitBuf = 0;
  private bitCount = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < this.length + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  byte(b: number): void {
    this.ensure(1);
    this.bytes[this.length++] = b & 0xff;
  }
  bits(value: number, count: number): void {
    this.bitBuf |= value << this.bitCount;
    this.bitCount += count;
    while (this.bitCount >= 8) {
      this.byte(this.bitBuf);
      this.bitBuf >>>= 8;
      this.bitCount -= 8;
    }
  }
  /** Pad to a byte boundary with zero bits. */
  windup(): void {
    if (this.bitCount > 0) this.byte(this.bitBuf);
    this.bitBuf = 0;
    this.bitCount = 0;
  }
  copy(src: Uint8Array, start: number, len: number): void {
    this.ensure(len);
    this.bytes.set(src.subarray(start, start + len), this.length);
    this.length += len;
  }
  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/**
 * Collects literals and matches for the current block and writes blocks.
 * `litBufSize` is zlib's `1 << (memLevel + 6)`: a block ends after
 * `litBufSize - 1` symbols.
 */
export class BlockWriter {
  readonly out = new BitSink();
  private readonly ltree = newTree(HEAP_SIZE);
  private readonly dtree = newTree(2 * D_CODES + 1);
  private readonly bltree = newTree(2 * BL_CODES + 1);
  private readonly heap = new Int32Array(HEAP_SIZE);
  private readonly depth = new Uint8Array(HEAP_SIZE);
  private readonly blCount = new Int32Array(MAX_BITS + 1);
  private heapLen = 0;
  private heapMax = 0;
  private optLen = 0;
  private staticLen = 0;
  private lMaxCode = 0;
  private dMaxCode = 0;
  private readonly symDist: Uint16Array;
  private readonly symLc: Uint8Array;
  private symNext = 0;
  private readonly symEnd: number;

  constructor(litBufSize: number) {
    this.symDist = new Uint16Array(litBufSize);
    this.symLc = new Uint8Array(litBufSize);
    this.symEnd = litBufSize - 1;
    this.initBlock();
  }

  get pendingSymbols(): number {
    return this.symNext;
  }

  private initBlock(): void {
    this.ltree.freq.fill(0, 0, L_CODES);
    this.dtree.freq.fill(0, 0, D_CODES);
    this.bltree.freq.fill(0, 0, BL_CODES);
    this.ltree.freq[END_BLOCK] = 1;
    this.optLen = this.staticLen = 0;
    this.symNext = 0;
  }

  /** Record a literal byte; true when the block is full and must be flushed. */
  tallyLit(c: number): boolean {
    this.symDist[this.symNext] = 0;
    this.symLc[this.symNext++] = c;
    this.ltree.freq[c]++;
    return this.symNext === this.symEnd;
  }

  /** Record a match (`dist` >= 1, `len` = match length - 3). */
  tallyDist(dist: number, len: number): boolean {
    this.symDist[this.symNext] = dist;
    this.symLc[this.symNext++] = len;
    dist--;
    this.ltree.freq[LENGTH_CODE[len]! + LITERALS + 1]++;
    this.dtree.freq[distCode(dist)]++;
    return this.symNext === this.symEnd;
  }

  /**
   * End the current block. `buf`/`start` locate the block's uncompressed bytes
   * (null when they have slid out of the window, so it cannot be stored).
   */
  flushBlock(buf: Uint8Array | null, start: number, storedLen: number, last: boolean): void {
    const lMax = this.buildTree(this.ltree, STATIC_L_DESC);
    this.lMaxCode = lMax;
    this.dMaxCode = this.buildTree(this.dtree, STATIC_D_DESC);
    const maxBlIndex = this.buildBlTree();
    let optLenb = Math.floor((this.optLen + 3 + 7) / 8);
    const staticLenb = Math.floor((this.staticLen + 3 + 7) / 8);
    if (staticLenb <= optLenb) optLenb = staticLenb;
    const lastBit = last ? 1 : 0;
    if (storedLen + 4 <= optLenb && buf !== null) {
      this.storedBlock(buf, start, storedLen, lastBit);
    } else if (staticLenb === optLenb) {
      this.out.bits((STATIC_TREES << 1) + lastBit, 3);
      this.compressBlock(STATIC_LTREE, STATIC_DTREE);
    } else {
      this.out.bits((DYN_TREES << 1) + lastBit, 3);
      this.sendAllTrees(this.lMaxCode + 1, this.dMaxCode + 1, maxBlIndex + 1);
      this.compressBlock(this.ltree, this.dtree);
    }
    this.initBlock();
    if (last) this.out.windup();
  }

  private storedBlock(buf: Uint8Array, start: number, storedLen: number, lastBit: number): void {
    this.out.bits((STORED_BLOCK << 1) + lastBit, 3);
    this.out.windup();
    this.out.byte(storedLen & 0xff);
    this.out.byte((storedLen >>> 8) & 0xff);
    this.out.byte(~storedLen & 0xff);
    this.out.byte((~storedLen >>> 8) & 0xff);
    this.out.copy(buf, start, storedLen);
  }

  /** `smaller` of trees.c: frequency, then depth, breaks ties. */
  private smaller(tree: Tree, n: number, m: number): boolean {
    const fn = tree.freq[n]!;
    const fm = tree.freq[m]!;
    return fn < fm || (fn === fm && this.depth[n]! <= this.depth[m]!);
  }

  private downHeap(tree: Tree, k: number): void {
    const heap = this.heap;
    const v = heap[k]!;
    let j = k << 1;
    while (j <= this.heapLen) {
      if (j < this.heapLen && this.smaller(tree, heap[j + 1]!, heap[j]!)) j++;
      if (this.smaller(tree, v, heap[j]!)) break;
      heap[k] = heap[j]!;
      k = j;
      j <<= 1;
    }
    heap[k] = v;
  }

  /** Build a Huffman tree for `tree`'s frequencies; returns its max code. */
  private buildTree(tree: Tree, desc: StaticDesc): number {
    const heap = this.heap;
    const stree = desc.tree;
    let maxCode = -1;
    this.heapLen = 0;
    this.heapMax = HEAP_SIZE;
    for (let n = 0; n < desc.elems; n++) {
      if (tree.freq[n] !== 0) {
        heap[++this.heapLen] = maxCode = n;
        this.depth[n] = 0;
      } else {
        tree.len[n] = 0;
      }
    }
    // At least two codes of non-zero frequency, so that a code exists at all.
    while (this.heapLen < 2) {
      const node = (heap[++this.heapLen] = maxCode < 2 ? ++maxCode : 0);
      tree.freq[node] = 1;
      this.depth[node] = 0;
      this.optLen--;
      if (stree) this.staticLen -= stree.len[node]!;
    }
    for (let n = this.heapLen >> 1; n >= 1; n--) this.downHeap(tree, n);
    let node = desc.elems;
    do {
      const n = heap[1]!;
      heap[1] = heap[this.heapLen--]!;
      this.downHeap(tree, 1);
      const m = heap[1]!;
      heap[--this.heapMax] = n;
      heap[--this.heapMax] = m;
      tree.freq[node] = tree.freq[n]! + tree.freq[m]!;
      this.depth[node] = Math.max(this.depth[n]!, this.depth[m]!) + 1;
      tree.dad[n] = tree.dad[m] = node;
      heap[1] = node++;
      this.downHeap(tree, 1);
    } while (this.heapLen >= 2);
    heap[--this.heapMax] = heap[1]!;
    this.genBitlen(tree, desc, maxCode);
    genCodes(tree, maxCode, this.blCount);
    return maxCode;
  }

  /** Bit lengths from the tree, limited to `maxLength` as zlib repairs them. */
  private genBitlen(tree: Tree, desc: StaticDesc, maxCode: number): void {
    const heap = this.heap;
    const blCount = this.blCount;
    const stree = desc.tree;
    const maxLength = desc.maxLength;
    let overflow = 0;
    blCount.fill(0);
    tree.len[heap[this.heapMax]!] = 0;
    let h: number;
    for (h = this.heapMax + 1; h < HEAP_SIZE; h++) {
      const n = heap[h]!;
      let bits = tree.len[tree.dad[n]!]! + 1;
      if (bits > maxLength) {
        bits = maxLength;
        overflow++;
      }
      tree.len[n] = bits;
      if (n > maxCode) continue;
      blCount[bits]++;
      const xbits = n >= desc.extraBase ? desc.extra[n - desc.extraBase]! : 0;
      const f = tree.freq[n]!;
      this.optLen += f * (bits + xbits);
      if (stree) this.staticLen += f * (stree.len[n]! + xbits);
    }
    if (overflow === 0) return;
    do {
      let bits = maxLength - 1;
      while (blCount[bits] === 0) bits--;
      blCount[bits]--;
      blCount[bits + 1] += 2;
      blCount[maxLength]--;
      overflow -= 2;
    } while (overflow > 0);
    for (let bits = maxLength; bits !== 0; bits--) {
      let n = blCount[bits]!;
      while (n !== 0) {
        const m = heap[--h]!;
        if (m > maxCode) continue;
        if (tree.len[m] !== bits) {
          this.optLen += (bits - tree.len[m]!) * tree.freq[m]!;
          tree.len[m] = bits;
        }
        n--;
      }
    }
  }

  /** Count the run-length symbols needed to send a tree's code lengths. */
  private scanTree(tree: Tree, maxCode: number): void {
    const bl = this.bltree.freq;
    let prevLen = -1;
    let nextLen = tree.len[0]!;
    let count = 0;
    let maxCount = 7;
    let minCount = 4;
    if (nextLen === 0) {
      maxCount = 138;
      minCount = 3;
    }
    tree.len[maxCode + 1] = 0xffff; // guard
    for (let n = 0; n <= maxCode; n++) {
      const curLen = nextLen;
      nextLen = tree.len[n + 1]!;
      if (++count < maxCount && curLen === nextLen) continue;
      if (count < minCount) bl[curLen] += count;
      else if (curLen !== 0) {
        if (curLen !== prevLen) bl[curLen]++;
        bl[REP_3_6]++;
      } else if (count <= 10) bl[REPZ_3_10]++;
      else bl[REPZ_11_138]++;
      count = 0;
      prevLen = curLen;
      if (nextLen === 0) {
        maxCount = 138;
        minCount = 3;
      } else if (curLen === nextLen) {
        maxCount = 6;
        minCount = 3;
      } else {
        maxCount = 7;
        minCount = 4;
      }
    }
  }

  /** Send a tree's code lengths with the bit-length codes. */
  private sendTree(tree: Tree, maxCode: number): void {
    const bl = this.bltree;
    const send = (c: number): void => this.out.bits(bl.code[c]!, bl.len[c]!);
    let prevLen = -1;
    let nextLen = tree.len[0]!;
    let count = 0;
    let maxCount = 7;
    let minCount = 4;
    if (nextLen === 0) {
      maxCount = 138;
      minCount = 3;
    }
    for (let n = 0; n <= maxCode; n++) {
      const curLen = nextLen;
      nextLen = tree.len[n + 1]!;
      if (++count < maxCount && curLen === nextLen) continue;
      if (count < minCount) {
        do send(curLen);
        while (--count !== 0);
      } else if (curLen !== 0) {
        if (curLen !== prevLen) {
          send(curLen);
          count--;
        }
        send(REP_3_6);
        this.out.bits(count - 3, 2);
      } else if (count <= 10) {
        send(REPZ_3_10);
        this.out.bits(count - 3, 3);
      } else {
        send(REPZ_11_138);
        this.out.bits(count - 11, 7);
      }
      count = 0;
      prevLen = curLen;
      if (nextLen === 0) {
        maxCount = 138;
        minCount = 3;
      } else if (curLen === nextLen) {
        maxCount = 6;
        minCount = 3;
      } else {
        maxCount = 7;
        minCount = 4;
      }
    }
  }

  private buildBlTree(): number {
    this.scanTree(this.ltree, this.lMaxCode);
    this.scanTree(this.dtree, this.dMaxCode);
    this.buildTree(this.bltree, STATIC_BL_DESC);
    let maxBlIndex: number;
    for (maxBlIndex = BL_CODES - 1; maxBlIndex >= 3; maxBlIndex--) {
      if (this.bltree.len[BL_ORDER[maxBlIndex]!] !== 0) break;
    }
    this.optLen += 3 * (maxBlIndex + 1) + 5 + 5 + 4;
    return maxBlIndex;
  }

  private sendAllTrees(lcodes: number, dcodes: number, blcodes: number): void {
    this.out.bits(lcodes - 257, 5);
    this.out.bits(dcodes - 1, 5);
    this.out.bits(blcodes - 4, 4);
    for (let rank = 0; rank < blcodes; rank++) this.out.bits(this.bltree.len[BL_ORDER[rank]!]!, 3);
    this.sendTree(this.ltree, lcodes - 1);
    this.sendTree(this.dtree, dcodes - 1);
  }

  private compressBlock(ltree: Tree, dtree: Tree): void {
    const out = this.out;
    for (let sx = 0; sx < this.symNext; sx++) {
      let dist = this.symDist[sx]!;
      let lc = this.symLc[sx]!;
      if (dist === 0) {
        out.bits(ltree.code[lc]!, ltree.len[lc]!);
        continue;
      }
      let code = LENGTH_CODE[lc]!;
      out.bits(ltree.code[code + LITERALS + 1]!, ltree.len[code + LITERALS + 1]!);
      let extra = EXTRA_LBITS[code]!;
      if (extra !== 0) {
        lc -= BASE_LENGTH[code]!;
        out.bits(lc, extra);
      }
      dist--;
      code = distCode(dist);
      out.bits(dtree.code[code]!, dtree.len[code]!);
      extra = EXTRA_DBITS[code]!;
      if (extra !== 0) {
        dist -= BASE_DIST[code]!;
        out.bits(dist, extra);
      }
    }
    out.bits(ltree.code[END_BLOCK]!, ltree.len[END_BLOCK]!);
  }
}
