/**
 * unicode:characters_to_binary/2 and characters_to_list/2 for UTF-16 and
 * UTF-32 input. On BEAM the C BIFs handle only latin1/unicode/utf8 input and
 * trap to Erlang code for the other encodings (unicode.erl,
 * characters_to_binary_int/2 and its helpers ml_map/3, i_trans/1 and cbv/2).
 * This module reproduces that Erlang code's results, including its quirks:
 * - chardata is walked part by part; binaries longer than 8192 bytes are
 *   cut into 8192-byte pieces first, and the rest term of an error is built
 *   from those pieces (`[Rest | Tail]` at every list level);
 * - a binary that ends inside a character leaves an "incomplete" state that
 *   the next binary completes; an integer met in that state is an error whose
 *   rest starts with the incomplete bytes;
 * - an integer that is no character gives the rest `[[I] | Tail]`;
 * - anything else (atoms, bitstrings, improper non-binary tails) is a
 *   function_clause in unicode.erl, which the BIF turns into `badarg`.
 */
import { concatBytes } from '../terms/binary.js';
import { BitString, Cons, NIL, list, type Term } from '../terms/types.js';
import { badarg } from './erlang-args.js';

/** A growable byte buffer for UTF-8 output. */
export class ByteSink {
  private buf = new Uint8Array(64);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  push(b: number): void {
    this.room(1);
    this.buf[this.length++] = b;
  }

  pushBytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** UTF-8 of a code point known to be valid. */
  pushCp(c: number): void {
    this.room(4);
    const b = this.buf;
    if (c < 0x80) {
      b[this.length++] = c;
    } else if (c < 0x800) {
      b[this.length++] = 0xc0 | (c >> 6);
      b[this.length++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      b[this.length++] = 0xe0 | (c >> 12);
      b[this.length++] = 0x80 | ((c >> 6) & 0x3f);
      b[this.length++] = 0x80 | (c & 0x3f);
    } else {
      b[this.length++] = 0xf0 | (c >> 18);
      b[this.length++] = 0x80 | ((c >> 12) & 0x3f);
      b[this.length++] = 0x80 | ((c >> 6) & 0x3f);
      b[this.length++] = 0x80 | (c & 0x3f);
    }
  }

  binary(): BitString {
    const out = this.buf.slice(0, this.length);
    return new BitString(out, out.length * 8);
  }
}

export const isCharCode = (c: number): boolean => c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff);

export interface WideEncoding {
  unit: 2 | 4;
  big: boolean;
}

/** i_trans/1's encodings other than latin1/unicode/utf8; anything else is badarg. */
export function wideEncoding(e: Term): WideEncoding {
  if (e === 'utf16') return { unit: 2, big: true };
  if (e === 'utf32') return { unit: 4, big: true };
  if (Array.isArray(e) && e.length === 2 && (e[0] === 'utf16' || e[0] === 'utf32')) {
    const unit = e[0] === 'utf16' ? 2 : 4;
    if (e[1] === 'big') return { unit, big: true };
    if (e[1] === 'little') return { unit, big: false };
  }
  return badarg();
}

const bin = (bytes: Uint8Array): BitString => new BitString(bytes, bytes.length * 8);

const u16 = (b: Uint8Array, i: number, big: boolean): number =>
  big ? (b[i]! << 8) | b[i + 1]! : b[i]! | (b[i + 1]! << 8);

const u32 = (b: Uint8Array, i: number, big: boolean): number =>
  big
    ? ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0
    : ((b[i + 3]! << 24) | (b[i + 2]! << 16) | (b[i + 1]! << 8) | b[i]!) >>> 0;

/**
 * Decode whole characters from the start of `b` into `out`; the offset where
 * decoding stopped (the `<<U/utf16, R/binary>>` match failed there).
 */
function decodePrefix(b: Uint8Array, enc: WideEncoding, out: ByteSink): number {
  let i = 0;
  if (enc.unit === 4) {
    for (; i + 4 <= b.length; i += 4) {
      const v = u32(b, i, enc.big);
      if (!isCharCode(v)) break;
      out.pushCp(v);
    }
    return i;
  }
  while (i + 2 <= b.length) {
    const w1 = u16(b, i, enc.big);
    if (w1 < 0xd800 || w1 > 0xdfff) {
      out.pushCp(w1);
      i += 2;
    } else if (w1 <= 0xdbff && i + 4 <= b.length) {
      const w2 = u16(b, i + 2, enc.big);
      if (w2 < 0xdc00 || w2 > 0xdfff) break;
      out.pushCp(0x10000 + ((w1 - 0xd800) << 10) + (w2 - 0xdc00));
      i += 4;
    } else {
      break;
    }
  }
  return i;
}

/**
 * unicode.erl's cbv/2: how many bytes the undecodable end `r` still needs to
 * become a character, or undefined when no continuation could (an error).
 */
function bytesMissing(r: Uint8Array, enc: WideEncoding): number | undefined {
  const n = r.length;
  if (enc.unit === 2) {
    if (enc.big) {
      if (n === 1) return r[0]! <= 215 || r[0]! >= 224 ? 1 : r[0]! >> 2 === 54 ? 3 : undefined;
      if (n === 2) return r[0]! >> 2 === 54 ? 2 : undefined;
      if (n === 3) return r[0]! >> 2 === 54 && r[2]! >> 2 === 55 ? 1 : undefined;
      return undefined;
    }
    if (n === 1) return 1;
    if (n === 2) return r[1]! >> 2 === 54 ? 2 : undefined;
    if (n === 3) return r[1]! >> 2 === 54 ? 1 : undefined;
    return undefined;
  }
  const plane = (x: number, y: number): boolean => x <= 16 && (x > 0 || y <= 215 || y >= 224);
  if (enc.big) {
    if (n === 1) return r[0] === 0 ? 3 : undefined;
    if (n === 2) return r[0] === 0 && r[1]! <= 16 ? 2 : undefined;
    if (n === 3) return r[0] === 0 && plane(r[1]!, r[2]!) ? 1 : undefined;
    return undefined;
  }
  if (n === 1) return 3;
  if (n === 2) return 2;
  if (n === 3) {
    if (r[1] === 255 && r[2] === 0 && (r[0] === 254 || r[0] === 255)) return undefined;
    return plane(r[2]!, r[1]!) ? 1 : undefined;
  }
  return undefined;
}

type MlResult =
  | { kind: 'ok' }
  | { kind: 'error'; rest: Term }
  | { kind: 'incomplete'; rest: Uint8Array; missing: number };

const OK: MlResult = { kind: 'ok' };

interface Acc {
  out: ByteSink;
  /** The bytes of an unfinished character, and how many more it needs. */
  inc: Uint8Array | undefined;
  missing: number;
}

/** The conversion fun of characters_to_binary_int/3 applied to one binary part. */
function convertPart(part: BitString, enc: WideEncoding, out: ByteSink): MlResult {
  const b = part.bytes;
  const stop = decodePrefix(b, enc, out);
  if (stop === b.length) return OK;
  const rest = b.subarray(stop);
  const missing = bytesMissing(rest, enc);
  if (missing === undefined) return { kind: 'error', rest: bin(rest) };
  return { kind: 'incomplete', rest, missing };
}

/** The conversion fun applied to an integer part. */
function convertInt(i: Term, out: ByteSink): boolean {
  if (typeof i !== 'number' || !isCharCode(i)) return false;
  out.pushCp(i);
  return true;
}

const isWholeBinary = (t: Term): t is BitString => t instanceof BitString && (t.bitSize & 7) === 0;

const CHUNK = 8192;

/**
 * unicode.erl's ml_map/3, clause by clause; tail calls become the loop, and
 * its body recursion into a list part uses an explicit stack of the tails
 * still to do (`outer`), so deeply nested chardata costs no JS stack.
 */
function mlMap(t: Term, acc: Acc, enc: WideEncoding): MlResult {
  const outer: Term[] = [];
  let cur = t;
  for (;;) {
    /** Set when the current list level returns to its enclosing one. */
    let r: MlResult | undefined;
    if (cur === NIL) {
      r = acc.inc === undefined ? OK : { kind: 'incomplete', rest: acc.inc, missing: acc.missing };
    } else if (cur instanceof Cons) {
      const part = cur.hd;
      const tail = cur.tl;
      if (typeof part === 'number' || typeof part === 'bigint') {
        if (acc.inc !== undefined) r = { kind: 'error', rest: new Cons(bin(acc.inc), cur) };
        else if (!convertInt(part, acc.out)) r = { kind: 'error', rest: new Cons(list([part]), tail) };
        else cur = tail;
      } else if (isWholeBinary(part)) {
        const b = part.bytes;
        if (acc.inc !== undefined) {
          const inc = acc.inc;
          if (b.length >= acc.missing) {
            acc.inc = undefined;
            const filled = bin(concatBytes([inc, b.subarray(0, acc.missing)]));
            cur = new Cons(filled, new Cons(bin(b.subarray(acc.missing)), tail));
          } else {
            acc.inc = concatBytes([inc, b]);
            acc.missing -= b.length;
            cur = tail;
          }
        } else if (b.length > CHUNK) {
          cur = new Cons(bin(b.subarray(0, CHUNK)), new Cons(bin(b.subarray(CHUNK)), tail));
        } else {
          const c = convertPart(part, enc, acc.out);
          if (c.kind === 'error') r = { kind: 'error', rest: new Cons(c.rest, tail) };
          else {
            if (c.kind === 'incomplete') [acc.inc, acc.missing] = [c.rest, c.missing];
            cur = tail;
          }
        }
      } else if (part === NIL || part instanceof Cons) {
        outer.push(tail);
        cur = part;
      } else {
        return badarg();
      }
    } else if (isWholeBinary(cur)) {
      const b = cur.bytes;
      if (acc.inc !== undefined) {
        if (b.length < acc.missing) {
          r = { kind: 'incomplete', rest: concatBytes([acc.inc, b]), missing: acc.missing - b.length };
        } else {
          const inc = acc.inc;
          acc.inc = undefined;
          cur = list([bin(inc), cur]);
        }
      } else if (b.length > CHUNK) {
        cur = list([bin(b.subarray(0, CHUNK)), bin(b.subarray(CHUNK))]);
      } else {
        r = convertPart(cur, enc, acc.out);
      }
    } else {
      return badarg();
    }
    if (r === undefined) continue;
    if (outer.length === 0) return r;
    // Back in the enclosing list: an error's rest gains `[Rest | Tail]` at
    // every level; otherwise carry on with the tail after the nested part.
    if (r.kind === 'error') {
      let rest = r.rest;
      while (outer.length > 0) rest = new Cons(rest, outer.pop()!);
      return { kind: 'error', rest };
    }
    if (r.kind === 'incomplete') [acc.inc, acc.missing] = [r.rest, r.missing];
    cur = outer.pop()!;
  }
}

/**
 * characters_to_binary(Data, Enc) for a UTF-16/32 `Enc`: the UTF-8 binary,
 * `{error, Converted, Rest}` or `{incomplete, Converted, RestBinary}`.
 * `Converted` is returned as the sink, for the caller to shape.
 */
export function wideToUtf8(data: Term, encTerm: Term): { out: ByteSink; tag?: 'error' | 'incomplete'; rest?: Term } {
  const enc = wideEncoding(encTerm);
  const acc: Acc = { out: new ByteSink(), inc: undefined, missing: 0 };
  const r = mlMap(data, acc, enc);
  if (r.kind === 'ok') return { out: acc.out };
  if (r.kind === 'error') return { out: acc.out, tag: 'error', rest: r.rest };
  return { out: acc.out, tag: 'incomplete', rest: bin(r.rest) };
}
