/**
 * The C-implemented functions of OTP 25's `unicode` module (erl_unicode.c):
 * characters_to_binary/2, characters_to_list/2 and bin_is_7bit/1. The other
 * arities are Erlang code in unicode.erl that calls these.
 *
 * For latin1/unicode/utf8 input the C code works in two passes, and so does
 * this module:
 * 1. a type check of the whole chardata (utf8_need): anything but integers,
 *    binaries and lists, or a bitstring anywhere, is `badarg`. The check stops
 *    at the first integer that is not a machine-word "small" (beyond ±2^59):
 *    that one gives a conversion error later, and nothing after it is
 *    looked at (so `[1 bsl 60, an_atom]` is an error tuple, not badarg);
 * 2. the conversion, in order. An integer that is no character (or above 255
 *    for latin1) stops it with `{error, Converted, Rest}`, where Rest is the
 *    unconverted part rebuilt with the pending tails of the enclosing lists
 *    (`[[Bad | Tail] | OuterTail]`); invalid UTF-8 inside a binary gives the
 *    binary from the bad byte on as the innermost rest. A binary may end in
 *    the middle of a character, which the next binary may complete; if none
 *    does, the result is `{incomplete, Converted, Bytes}` when the bytes could
 *    still start a character, else `{error, Converted, Bytes}`, and an
 *    integer arriving in that state is an error whose rest is prefixed with
 *    those bytes (`[Bytes, Rest]`).
 * characters_to_binary/2 treats a one-binary list `[Bin]` as `Bin`, and
 * returns a binary argument that needs no conversion as it is.
 * BEAM converts in slices and traps between them; a rest term built across a
 * slice boundary can differ in nesting from the one built here (all input
 * processed at once). That only concerns inputs of tens of thousands of
 * characters that end in an error.
 *
 * UTF-16/32 input follows unicode.erl's Erlang fallback: ./unicode-wide.ts.
 */
import { BitString, Cons, NIL, list, type Term } from '../terms/types.js';
import { badarg, bifTable, type Bif } from './erlang-args.js';
import { ByteSink, wideToUtf8 } from './unicode-wide.js';

const SMALL_MIN = -(2n ** 59n);
const SMALL_MAX = 2n ** 59n - 1n;

/** An integer BEAM stores unboxed (every JS-number integer is one). */
const isSmall = (t: Term): boolean =>
  typeof t === 'number' || (typeof t === 'bigint' && t >= SMALL_MIN && t <= SMALL_MAX);

const isWholeBinary = (t: Term): t is BitString => t instanceof BitString && (t.bitSize & 7) === 0;

/** Pass 1 (utf8_need's type check). */
function typesOk(t: Term): boolean {
  if (t === NIL) return true;
  if (t instanceof BitString) return isWholeBinary(t);
  if (!(t instanceof Cons)) return false;
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let cur = stack.pop()!;
    while (cur instanceof Cons) {
      const h = cur.hd;
      if (h instanceof Cons) {
        stack.push(cur.tl);
        cur = h;
        continue;
      }
      if (typeof h === 'bigint' && !isSmall(h)) return true;
      if (!(isSmall(h) || h === NIL || isWholeBinary(h))) return false;
      cur = cur.tl;
    }
    if (cur !== NIL && !isWholeBinary(cur)) return false;
  }
  return true;
}

const TRUNCATED = 0;
const INVALID = -1;
const isCont = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/**
 * The length of the valid UTF-8 sequence at `b[i]` (within `end`),
 * TRUNCATED when the lead byte asks for more bytes than there are, or
 * INVALID (overlong forms, surrogates, above U+10FFFF, stray bytes).
 */
function sequenceAt(b: Uint8Array, i: number, end: number): number {
  const lead = b[i]!;
  const avail = end - i;
  if (lead < 0x80) return 1;
  if ((lead & 0xe0) === 0xc0) {
    if (avail < 2) return TRUNCATED;
    return isCont(b[i + 1]) && lead >= 0xc2 ? 2 : INVALID;
  }
  if ((lead & 0xf0) === 0xe0) {
    if (avail < 3) return TRUNCATED;
    const b1 = b[i + 1]!;
    if (!isCont(b1) || !isCont(b[i + 2]) || (lead === 0xe0 && b1 < 0xa0)) return INVALID;
    return (lead & 0xf) === 0xd && (b1 & 0x20) !== 0 ? INVALID : 3;
  }
  if ((lead & 0xf8) === 0xf0) {
    if (avail < 4) return TRUNCATED;
    const b1 = b[i + 1]!;
    if (!isCont(b1) || !isCont(b[i + 2]) || !isCont(b[i + 3]) || (lead === 0xf0 && b1 < 0x90)) return INVALID;
    return (lead & 7) > 4 || ((lead & 7) === 4 && (b1 & 0x3f) > 0xf) ? INVALID : 4;
  }
  return INVALID;
}

function isValidUtf8(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; ) {
    const n = sequenceAt(b, i, b.length);
    if (n <= 0) return false;
    i += n;
  }
  return true;
}

/** Bytes the lead byte of a stored partial character calls for. */
const leadLength = (lead: number): number => ((lead & 0xe0) === 0xc0 ? 2 : (lead & 0xf0) === 0xe0 ? 3 : 4);

/** check_leftovers: could these final bytes still begin a character? */
function couldContinue(lo: readonly number[]): boolean {
  const lead = lo[0]!;
  const n = lo.length;
  if ((lead & 0xe0) === 0xc0) return true;
  if ((lead & 0xf0) === 0xe0) return n < 2 || (n < 3 && isCont(lo[1]));
  if ((lead & 0xf8) === 0xf0) {
    return n < 2 || (n < 3 && isCont(lo[1])) || (n < 4 && isCont(lo[1]) && isCont(lo[2]));
  }
  return false;
}

/** The state of pass 2. */
class Build {
  readonly out = new ByteSink();
  /** The bytes of a character a binary ended in the middle of. */
  leftover: number[] = [];
  err = false;
  constructor(readonly latin1: boolean) {}

  /** One integer; false when it is no character of the input encoding. */
  char(t: Term): boolean {
    if (typeof t !== 'number' || t < 0) return false;
    if (this.latin1 ? t > 255 : t > 0x10ffff || (t >= 0xd800 && t <= 0xdfff)) return false;
    this.out.pushCp(t);
    return true;
  }

  /** One binary; the unconverted rest of it (NIL when all went well). */
  binary(b: BitString): Term {
    const bytes = b.bytes;
    if (this.latin1) {
      for (const x of bytes) this.out.pushCp(x);
      return NIL;
    }
    let i = 0;
    if (this.leftover.length > 0) {
      const need = leadLength(this.leftover[0]!) - this.leftover.length;
      if (bytes.length < need) {
        this.leftover.push(...bytes);
        return NIL;
      }
      const whole = Uint8Array.from([...this.leftover, ...bytes.subarray(0, need)]);
      if (sequenceAt(whole, 0, whole.length) !== whole.length) {
        this.err = true;
        return b;
      }
      this.out.pushBytes(whole);
      this.leftover = [];
      i = need;
    }
    while (i < bytes.length) {
      const n = sequenceAt(bytes, i, bytes.length);
      if (n === TRUNCATED) {
        this.leftover = Array.from(bytes.subarray(i));
        break;
      }
      if (n === INVALID) {
        this.err = true;
        return new BitString(bytes.subarray(i), (bytes.length - i) * 8);
      }
      this.out.pushBytes(bytes.subarray(i, i + n));
      i += n;
    }
    return NIL;
  }

  /**
   * Convert a chardata term (type-checked by pass 1); the unconverted rest
   * when `err` is set, else NIL.
   */
  run(t: Term): Term {
    if (t === NIL) return NIL;
    if (t instanceof BitString) return this.binary(t);
    const stack: Term[] = [t];
    let cur: Term = NIL;
    outer: while (stack.length > 0) {
      cur = stack.pop()!;
      while (cur instanceof Cons) {
        const h = cur.hd;
        if (h instanceof Cons) {
          stack.push(cur.tl);
          cur = h;
        } else if (h === NIL) {
          cur = cur.tl;
        } else if (h instanceof BitString) {
          const rest = this.binary(h);
          if (this.err) {
            cur = new Cons(rest, cur.tl);
            break outer;
          }
          cur = cur.tl;
        } else if (this.leftover.length > 0 || !this.char(h)) {
          this.err = true;
          break outer;
        } else {
          cur = cur.tl;
        }
      }
      if (cur instanceof BitString) {
        cur = this.binary(cur);
        if (this.err) break;
      }
    }
    // The unconverted part: the failing list cell inside the pending tails.
    while (stack.length > 0) cur = new Cons(cur, stack.pop()!);
    return this.err ? cur : NIL;
  }

  /** `Converted` plus the outcome tag and rest, or just `Converted`. */
  outcome(rest: Term): { tag?: 'error' | 'incomplete'; rest?: Term } {
    const lo = this.leftover;
    const loBin = (): BitString => new BitString(Uint8Array.from(lo), lo.length * 8);
    if (this.err) return { tag: 'error', rest: lo.length > 0 ? list([loBin(), rest]) : rest };
    if (lo.length > 0) return { tag: couldContinue(lo) ? 'incomplete' : 'error', rest: loBin() };
    return {};
  }
}

function narrowEncoding(e: Term): boolean | undefined {
  if (e === 'latin1') return true;
  if (e === 'unicode' || e === 'utf8') return false;
  return undefined;
}

function charactersToBinary(data: Term, enc: Term): Term {
  const latin1 = narrowEncoding(enc);
  if (latin1 === undefined) {
    const r = wideToUtf8(data, enc);
    return r.tag === undefined ? r.out.binary() : [r.tag, r.out.binary(), r.rest!];
  }
  const subject = data instanceof Cons && data.hd instanceof BitString && data.tl === NIL ? data.hd : data;
  if (!typesOk(subject)) return badarg();
  if (subject instanceof BitString && (latin1 ? isAscii(subject.bytes) : isValidUtf8(subject.bytes))) {
    return subject;
  }
  const b = new Build(latin1);
  const o = b.outcome(b.run(subject));
  return o.tag === undefined ? b.out.binary() : [o.tag, b.out.binary(), o.rest!];
}

function charactersToList(data: Term, enc: Term): Term {
  const latin1 = narrowEncoding(enc);
  if (latin1 === undefined) {
    const r = wideToUtf8(data, enc);
    const chars = utf8Chars(r.out.binary().bytes);
    return r.tag === undefined ? chars : [r.tag, chars, r.rest!];
  }
  if (!typesOk(data)) return badarg();
  const b = new Build(latin1);
  const o = b.outcome(b.run(data));
  const chars = utf8Chars(b.out.binary().bytes);
  return o.tag === undefined ? chars : [o.tag, chars, o.rest!];
}

function isAscii(b: Uint8Array): boolean {
  for (const x of b) if (x >= 0x80) return false;
  return true;
}

/** The code points of valid UTF-8, as a list. */
function utf8Chars(b: Uint8Array): Term {
  const cps: number[] = [];
  for (let i = 0; i < b.length; ) {
    const lead = b[i]!;
    if (lead < 0x80) {
      cps.push(lead);
      i += 1;
    } else if (lead < 0xe0) {
      cps.push(((lead & 0x1f) << 6) | (b[i + 1]! & 0x3f));
      i += 2;
    } else if (lead < 0xf0) {
      cps.push(((lead & 0xf) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f));
      i += 3;
    } else {
      cps.push(((lead & 7) << 18) | ((b[i + 1]! & 0x3f) << 12) | ((b[i + 2]! & 0x3f) << 6) | (b[i + 3]! & 0x3f));
      i += 4;
    }
  }
  return list(cps);
}

export const unicodeBifs: Map<string, Bif> = bifTable([
  ['characters_to_binary/2', (_p, d, e) => charactersToBinary(d, e)],
  ['characters_to_list/2', (_p, d, e) => charactersToList(d, e)],
  ['bin_is_7bit/1', (_p, b) => (isWholeBinary(b) && isAscii(b.bytes) ? 'true' : 'false')],
]);
