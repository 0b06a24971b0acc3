/**
 * The match finder of a zlib-compatible deflate (zlib 1.2.x `deflate.c` with
 * the defaults BEAM uses: windowBits 15, memLevel 8, default strategy). The
 * sliding window, the hash chains, `longest_match`, and the greedy (`deflate_fast`,
 * levels 1-3) and lazy (`deflate_slow`, levels 4-9) parsers behave exactly like
 * zlib's, including how the window is refilled and slid, because every one of
 * those details can change which match is chosen and so the output bytes.
 * Level 0 emits stored blocks only (see `deflateStored`).
 */
import { BlockWriter } from './zlib-trees.js';

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1;
const W_BITS = 15;
const W_SIZE = 1 << W_BITS;
const W_MASK = W_SIZE - 1;
const WINDOW_SIZE = 2 * W_SIZE;
const MAX_DIST = W_SIZE - MIN_LOOKAHEAD;
const MEM_LEVEL = 8;
const HASH_BITS = MEM_LEVEL + 7;
const HASH_SIZE = 1 << HASH_BITS;
const HASH_MASK = HASH_SIZE - 1;
const HASH_SHIFT = Math.floor((HASH_BITS + MIN_MATCH - 1) / MIN_MATCH);
const LIT_BUFSIZE = 1 << (MEM_LEVEL + 6);
const TOO_FAR = 4096;

/** zlib's configuration_table: good_length, max_lazy, nice_length, max_chain. */
const CONFIG: readonly (readonly [number, number, number, number])[] = [
  [0, 0, 0, 0],
  [4, 4, 8, 4],
  [4, 5, 16, 8],
  [4, 6, 32, 32],
  [4, 4, 16, 16],
  [8, 16, 32, 32],
  [8, 16, 128, 128],
  [8, 32, 128, 256],
  [32, 128, 258, 1024],
  [32, 258, 258, 4096],
];

class Deflater {
  private readonly window = new Uint8Array(WINDOW_SIZE);
  private readonly prev = new Uint16Array(W_SIZE);
  private readonly head = new Uint16Array(HASH_SIZE);
  private insH = 0;
  private strstart = 0;
  private blockStart = 0;
  private lookahead = 0;
  private insert = 0;
  private matchLength = MIN_MATCH - 1;
  private matchStart = 0;
  private prevLength = MIN_MATCH - 1;
  private matchAvailable = false;
  private readonly goodMatch: number;
  private readonly maxLazy: number;
  private readonly niceMatch: number;
  private readonly maxChain: number;
  private nextIn = 0;
  readonly blocks = new BlockWriter(LIT_BUFSIZE);

  constructor(
    private readonly input: Uint8Array,
    level: number,
  ) {
    [this.goodMatch, this.maxLazy, this.niceMatch, this.maxChain] = CONFIG[level]!;
  }

  private get availIn(): number {
    return this.input.length - this.nextIn;
  }

  private updateHash(h: number, c: number): number {
    return ((h << HASH_SHIFT) ^ c) & HASH_MASK;
  }

  /** INSERT_STRING: link `str` into its hash chain; returns the previous head. */
  private insertString(str: number): number {
    this.insH = this.updateHash(this.insH, this.window[str + MIN_MATCH - 1]!);
    const head = this.head[this.insH]!;
    this.prev[str & W_MASK] = head;
    this.head[this.insH] = str;
    return head;
  }

  private slideHash(): void {
    for (let n = 0; n < HASH_SIZE; n++) {
      const m = this.head[n]!;
      this.head[n] = m >= W_SIZE ? m - W_SIZE : 0;
    }
    for (let n = 0; n < W_SIZE; n++) {
      const m = this.prev[n]!;
      this.prev[n] = m >= W_SIZE ? m - W_SIZE : 0;
    }
  }

  /** Refill the window from the input, sliding it down when the top is reached. */
  private fillWindow(): void {
    const win = this.window;
    do {
      let more = WINDOW_SIZE - this.lookahead - this.strstart;
      if (this.strstart >= W_SIZE + MAX_DIST) {
        win.copyWithin(0, W_SIZE, W_SIZE + W_SIZE - more);
        this.matchStart -= W_SIZE;
        this.strstart -= W_SIZE;
        this.blockStart -= W_SIZE;
        if (this.insert > this.strstart) this.insert = this.strstart;
        this.slideHash();
        more += W_SIZE;
      }
      if (this.availIn === 0) break;
      const n = Math.min(this.availIn, more);
      win.set(this.input.subarray(this.nextIn, this.nextIn + n), this.strstart + this.lookahead);
      this.nextIn += n;
      this.lookahead += n;
      if (this.lookahead + this.insert >= MIN_MATCH) {
        let str = this.strstart - this.insert;
        this.insH = this.updateHash(win[str]!, win[str + 1]!);
        while (this.insert) {
          this.insH = this.updateHash(this.insH, win[str + MIN_MATCH - 1]!);
          this.prev[str & W_MASK] = this.head[this.insH]!;
          this.head[this.insH] = str;
          str++;
          this.insert--;
          if (this.lookahead + this.insert < MIN_MATCH) break;
        }
      }
    } while (this.lookahead < MIN_LOOKAHEAD && this.availIn !== 0);
  }

  /** The longest match at `strstart` along the hash chain from `curMatch`. */
  private longestMatch(curMatch: number): number {
    const win = this.window;
    const prev = this.prev;
    let chainLength = this.maxChain;
    const scanStart = this.strstart;
    let bestLen = this.prevLength;
    let niceMatch = this.niceMatch;
    const limit = this.strstart > MAX_DIST ? this.strstart - MAX_DIST : 0;
    const strend = scanStart + MAX_MATCH;
    let scanEnd1 = win[scanStart + bestLen - 1]!;
    let scanEnd = win[scanStart + bestLen]!;
    const scan0 = win[scanStart]!;
    const scan1 = win[scanStart + 1]!;
    if (this.prevLength >= this.goodMatch) chainLength >>>= 2;
    if (niceMatch > this.lookahead) niceMatch = this.lookahead;
    do {
      let match = curMatch;
      if (
        win[match + bestLen] !== scanEnd ||
        win[match + bestLen - 1] !== scanEnd1 ||
        win[match] !== scan0 ||
        win[match + 1] !== scan1
      ) {
        continue;
      }
      // The first two bytes are equal, and (hash) so is the third.
      let scan = scanStart + 2;
      match += 2;
      while (win[++scan] === win[++match] && scan < strend) {
        /* extend */
      }
      if (scan > strend) scan = strend;
      const len = MAX_MATCH - (strend - scan);
      if (len > bestLen) {
        this.matchStart = curMatch;
        bestLen = len;
        if (len >= niceMatch) break;
        scanEnd1 = win[scanStart + bestLen - 1]!;
        scanEnd = win[scanStart + bestLen]!;
      }
    } while ((curMatch = prev[curMatch & W_MASK]!) > limit && --chainLength !== 0);
    return bestLen <= this.lookahead ? bestLen : this.lookahead;
  }

  private flushBlock(last: boolean): void {
    const buf = this.blockStart >= 0 ? this.window : null;
    this.blocks.flushBlock(buf, Math.max(this.blockStart, 0), this.strstart - this.blockStart, last);
    this.blockStart = this.strstart;
  }

  /** Greedy parsing (levels 1-3): take a match as soon as one is found. */
  deflateFast(): void {
    for (;;) {
      if (this.lookahead < MIN_LOOKAHEAD) {
        this.fillWindow();
        if (this.lookahead === 0) break;
      }
      let hashHead = 0;
      if (this.lookahead >= MIN_MATCH) hashHead = this.insertString(this.strstart);
      if (hashHead !== 0 && this.strstart - hashHead <= MAX_DIST) {
        this.matchLength = this.longestMatch(hashHead);
      }
      let bflush: boolean;
      if (this.matchLength >= MIN_MATCH) {
        bflush = this.blocks.tallyDist(this.strstart - this.matchStart, this.matchLength - MIN_MATCH);
        this.lookahead -= this.matchLength;
        if (this.matchLength <= this.maxLazy && this.lookahead >= MIN_MATCH) {
          this.matchLength--;
          do {
            this.strstart++;
            this.insertString(this.strstart);
          } while (--this.matchLength !== 0);
          this.strstart++;
        } else {
          this.strstart += this.matchLength;
          this.matchLength = 0;
          this.insH = this.updateHash(this.window[this.strstart]!, this.window[this.strstart + 1]!);
        }
      } else {
        bflush = this.blocks.tallyLit(this.window[this.strstart]!);
        this.lookahead--;
        this.strstart++;
      }
      if (bflush) this.flushBlock(false);
    }
    this.finish();
  }

  /** Lazy parsing (levels 4-9): defer a match while the next one is longer. */
  deflateSlow(): void {
    for (;;) {
      if (this.lookahead < MIN_LOOKAHEAD) {
        this.fillWindow();
        if (this.lookahead === 0) break;
      }
      let hashHead = 0;
      if (this.lookahead >= MIN_MATCH) hashHead = this.insertString(this.strstart);
      this.prevLength = this.matchLength;
      const prevMatch = this.matchStart;
      this.matchLength = MIN_MATCH - 1;
      if (hashHead !== 0 && this.prevLength < this.maxLazy && this.strstart - hashHead <= MAX_DIST) {
        this.matchLength = this.longestMatch(hashHead);
        if (this.matchLength === MIN_MATCH && this.strstart - this.matchStart > TOO_FAR) {
          this.matchLength = MIN_MATCH - 1;
        }
      }
      if (this.prevLength >= MIN_MATCH && this.matchLength <= this.prevLength) {
        const maxInsert = this.strstart + this.lookahead - MIN_MATCH;
        const bflush = this.blocks.tallyDist(this.strstart - 1 - prevMatch, this.prevLength - MIN_MATCH);
        this.lookahead -= this.prevLength - 1;
        this.prevLength -= 2;
        do {
          if (++this.strstart <= maxInsert) this.insertString(this.strstart);
        } while (--this.prevLength !== 0);
        this.matchAvailable = false;
        this.matchLength = MIN_MATCH - 1;
        this.strstart++;
        if (bflush) this.flushBlock(false);
      } else if (this.matchAvailable) {
        if (this.blocks.tallyLit(this.window[this.strstart - 1]!)) this.flushBlock(false);
        this.strstart++;
        this.lookahead--;
      } else {
        this.matchAvailable = true;
        this.strstart++;
        this.lookahead--;
      }
    }
    if (this.matchAvailable) {
      this.blocks.tallyLit(this.window[this.strstart - 1]!);
      this.matchAvailable = false;
    }
    this.finish();
  }

  private finish(): void {
    this.insert = this.strstart < MIN_MATCH - 1 ? this.strstart : MIN_MATCH - 1;
    this.flushBlock(true);
  }

  /**
   * Level 0: stored blocks. With the output buffers BEAM's zlib driver uses,
   * zlib's `deflate_stored` emits full non-final blocks of 32768 bytes (its
   * `min_block`, the window size) and then a final block with the rest, which
   * may be empty (measured: 65536 bytes give blocks 32768, 32768, 0).
   */
  deflateStored(): void {
    const out = this.blocks.out;
    const input = this.input;
    let pos = 0;
    for (;;) {
      const last = input.length - pos < W_SIZE;
      const len = last ? input.length - pos : W_SIZE;
      out.bits(last ? 1 : 0, 3);
      out.windup();
      out.byte(len & 0xff);
      out.byte(len >>> 8);
      out.byte(~len & 0xff);
      out.byte((~len >>> 8) & 0xff);
      out.copy(input, pos, len);
      pos += len;
      if (last) break;
    }
  }
}

/** The raw deflate stream (RFC 1951) zlib 1.2.x writes for `input` at `level` (0-9). */
export function rawDeflate(input: Uint8Array, level: number): Uint8Array {
  const d = new Deflater(input, level);
  if (level === 0) d.deflateStored();
  else if (level <= 3) d.deflateFast();
  else d.deflateSlow();
  return d.blocks.out.result();
}
