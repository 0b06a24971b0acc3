/**
 * The C-implemented functions of OTP 25's `binary` module (erl_bif_binary.c);
 * the rest of binary.erl (replace/3,4, bin_to_list/1,2,3, encode_hex/1, ...)
 * is Erlang code that calls these.
 *
 * BEAM's argument rules kept here:
 * - positions are unsigned machine words and lengths signed ones: any other
 *   integer (or a non-integer) is `badarg`, and a negative length counts back
 *   from the position (`{Pos, Len}` with `Len < 0` is `{Pos + Len, -Len}`);
 * - `part/2,3` take any bitstring (only its whole bytes are addressable), the
 *   searches and the other functions want a binary;
 * - the searches look at the pattern only when the scope ends after byte 0:
 *   `binary:match(<<>>, not_a_pattern)` is `nomatch`, as on BEAM;
 * - the options list may have an improper tail, which is ignored;
 * - `copy(B, 0)` is `<<>>` even for a bitstring.
 * See ./binary-search.ts for the search itself and the compiled patterns.
 */
import { iolistToBinary, subBitstring } from '../terms/binary.js';
import { BitString, Cons, NIL, list, normInt, type Int, type Term } from '../terms/types.js';
import { badarg, bifTable, systemLimit, type Bif } from './erlang-args.js';
import {
  compilePattern, compiledOf, compiledTerm, findAll, findFirst, type Compiled, type Found,
} from './binary-search.js';

const UINT_LIMIT = 2n ** 64n;
const SINT_MIN = -(2n ** 63n);
const SINT_MAX = 2n ** 63n - 1n;

/** A binary argument (whole bytes), else badarg. */
function binaryArg(t: Term): BitString {
  return t instanceof BitString && (t.bitSize & 7) === 0 ? t : badarg();
}

/** An unsigned machine word (term_to_Uint), else badarg. */
function uintArg(t: Term): bigint {
  if (typeof t !== 'number' && typeof t !== 'bigint') return badarg();
  if (typeof t === 'number' && !Number.isInteger(t)) return badarg();
  const v = BigInt(t);
  return v >= 0n && v < UINT_LIMIT ? v : badarg();
}

/** A signed machine word (term_to_Sint), else badarg. */
function sintArg(t: Term): bigint {
  if (typeof t !== 'number' && typeof t !== 'bigint') return badarg();
  if (typeof t === 'number' && !Number.isInteger(t)) return badarg();
  const v = BigInt(t);
  return v >= SINT_MIN && v <= SINT_MAX ? v : badarg();
}

/**
 * `{Pos, Len}` as a byte range `[start, end)` inside `size` bytes, with
 * BEAM's rules: a negative Len reaches back from Pos (-2^63 is refused, its
 * negation is no signed word), and the range must lie inside the binary.
 * Used by part/2,3 and the `{scope, {Pos, Len}}` option alike.
 */
function byteRange(posT: Term, lenT: Term, size: number): [number, number] {
  if (typeof posT === 'number' && typeof lenT === 'number' && posT >= 0) {
    // The common case, in doubles: anything imprecise is far beyond `size`.
    const start = lenT < 0 ? posT + lenT : posT;
    const end = lenT < 0 ? posT : posT + lenT;
    return start >= 0 && end <= size ? [start, end] : badarg();
  }
  let pos = uintArg(posT);
  let len = sintArg(lenT);
  if (len < 0n) {
    if (len === SINT_MIN) return badarg();
    len = -len;
    if (len > pos) return badarg();
    pos -= len;
  }
  if (pos + len > BigInt(size)) return badarg();
  return [Number(pos), Number(pos + len)];
}

// ---- simple accessors ------------------------------------------------------

function at(b: Term, i: Term): number {
  const bytes = binaryArg(b).bytes;
  const idx = uintArg(i);
  return idx < BigInt(bytes.length) ? bytes[Number(idx)]! : badarg();
}

function first(b: Term): number {
  const bytes = binaryArg(b).bytes;
  return bytes.length > 0 ? bytes[0]! : badarg();
}

function last(b: Term): number {
  const bytes = binaryArg(b).bytes;
  return bytes.length > 0 ? bytes[bytes.length - 1]! : badarg();
}

function part(b: Term, pos: Term, len: Term): BitString {
  if (!(b instanceof BitString)) return badarg();
  const [start, end] = byteRange(pos, len, b.bitSize >>> 3);
  return subBitstring(b, start * 8, (end - start) * 8);
}

function part2(b: Term, pl: Term): BitString {
  return Array.isArray(pl) && pl.length === 2 ? part(b, pl[0]!, pl[1]!) : badarg();
}

/** Beyond this a copy is refused rather than attempted (BEAM would run out of memory). */
const MAX_COPY_BYTES = 2 ** 32;

function copy(b: Term, nT: Term): BitString {
  if (!(b instanceof BitString)) return badarg();
  const n = uintArg(nT);
  if (n === 0n) return new BitString(new Uint8Array(0), 0);
  const src = binaryArg(b).bytes;
  const total = BigInt(src.length) * n;
  if (total > BigInt(MAX_COPY_BYTES)) return systemLimit();
  const out = new Uint8Array(Number(total));
  for (let off = 0; off < out.length; off += src.length) out.set(src, off);
  return new BitString(out, out.length * 8);
}

/** Binaries up to this size live on the process heap on BEAM; parts of that size are copies. */
const HEAP_BINARY_LIMIT = 64;

/**
 * The size of the buffer a binary refers to. On BEAM a binary of at most 64
 * bytes is a heap binary of its own (OTP 25 copies small parts too); a larger
 * part shares its parent's bytes, and a binary grown by appends has spare
 * capacity. Our larger binaries share buffers the same way.
 */
function referencedByteSize(b: Term): number {
  if (!(b instanceof BitString)) return badarg();
  const n = b.bytes.length;
  return n <= HEAP_BINARY_LIMIT ? n : Math.max(b.bytes.buffer.byteLength, n);
}

function endianArg(e: Term): boolean {
  if (e === 'big') return true;
  if (e === 'little') return false;
  return badarg();
}

function decodeUnsigned(b: Term, e: Term): Int {
  const bytes = binaryArg(b).bytes;
  const big = endianArg(e);
  if (bytes.length <= 6) {
    let n = 0;
    for (let i = 0; i < bytes.length; i++) n = n * 256 + bytes[big ? i : bytes.length - 1 - i]!;
    return n;
  }
  let hex = '';
  for (let i = 0; i < bytes.length; i++) {
    hex += bytes[big ? i : bytes.length - 1 - i]!.toString(16).padStart(2, '0');
  }
  return normInt(BigInt('0x' + hex));
}

function encodeUnsigned(u: Term, e: Term): BitString {
  if (typeof u !== 'number' && typeof u !== 'bigint') return badarg();
  if (typeof u === 'number' && !Number.isInteger(u)) return badarg();
  const big = endianArg(e);
  const v = BigInt(u);
  if (v < 0n) return badarg();
  let hex = v.toString(16);
  if (hex.length & 1) hex = '0' + hex;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const byte = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    out[big ? i : out.length - 1 - i] = byte;
  }
  return new BitString(out, out.length * 8);
}

/** The binaries of a proper non-empty list, else badarg. */
function binaryList(l: Term): Uint8Array[] {
  const out: Uint8Array[] = [];
  let t = l;
  for (; t instanceof Cons; t = t.tl) out.push(binaryArg(t.hd).bytes);
  return t === NIL && out.length > 0 ? out : badarg();
}

function longestCommon(l: Term, fromEnd: boolean): number {
  const bins = binaryList(l);
  let min = Infinity;
  for (const b of bins) min = Math.min(min, b.length);
  for (let k = 0; k < min; k++) {
    const at = (b: Uint8Array): number => b[fromEnd ? b.length - 1 - k : k]!;
    const c = at(bins[0]!);
    for (let j = 1; j < bins.length; j++) if (at(bins[j]!) !== c) return k;
  }
  return min;
}

// ---- searching -------------------------------------------------------------

const GLOBAL = 1;
const TRIM = 2;
const TRIM_ALL = 4;

interface Search {
  subject: BitString;
  start: number;
  end: number;
  flags: number;
}

/** Parse `{scope, {Pos, Len}}` (and for split, the flag atoms) options. */
function searchOptions(subject: Term, opts: Term, splitFlags: boolean): Search {
  const s = binaryArg(subject);
  const r: Search = { subject: s, start: 0, end: s.bytes.length, flags: 0 };
  if (opts !== NIL && !(opts instanceof Cons)) return badarg();
  for (let l = opts; l instanceof Cons; l = l.tl) {
    const o = l.hd;
    if (splitFlags && o === 'global') r.flags |= GLOBAL;
    else if (splitFlags && o === 'trim') r.flags |= TRIM;
    else if (splitFlags && o === 'trim_all') r.flags |= TRIM_ALL;
    else if (Array.isArray(o) && o.length === 2 && o[0] === 'scope' && Array.isArray(o[1]) && o[1].length === 2) {
      [r.start, r.end] = byteRange(o[1][0]!, o[1][1]!, s.bytes.length);
    } else {
      return badarg();
    }
  }
  return r;
}

/** A pattern argument: a compiled `{bm|ac, Ref}` or something compilePattern takes. */
function patternArg(t: Term): Compiled {
  const c = Array.isArray(t) ? compiledOf(t) : compilePattern(t);
  return c ?? badarg();
}

const foundTerm = (f: Found): Term => [f.pos, f.len];

function match(subject: Term, pattern: Term, opts: Term): Term {
  const s = searchOptions(subject, opts, false);
  if (s.end === 0) return 'nomatch';
  const f = findFirst(patternArg(pattern), s.subject.bytes, s.start, s.end);
  return f === undefined ? 'nomatch' : foundTerm(f);
}

function matches(subject: Term, pattern: Term, opts: Term): Term {
  const s = searchOptions(subject, opts, false);
  if (s.end === 0) return NIL;
  return list(findAll(patternArg(pattern), s.subject.bytes, s.start, s.end).map(foundTerm));
}

function split(subject: Term, pattern: Term, opts: Term): Term {
  const s = searchOptions(subject, opts, true);
  const size = s.subject.bytes.length;
  const notFound = (): Term => ((s.flags & (TRIM | TRIM_ALL)) !== 0 && size === 0 ? NIL : list([s.subject]));
  if (s.end === 0) return notFound();
  const c = patternArg(pattern);
  const bytes = s.subject.bytes;
  if ((s.flags & GLOBAL) !== 0) {
    const all = findAll(c, bytes, s.start, s.end);
    return all.length === 0 ? notFound() : splitAll(s, all);
  }
  const f = findFirst(c, bytes, s.start, s.end);
  return f === undefined ? notFound() : splitOnce(s, f);
}

const slice = (b: BitString, from: number, to: number): BitString => subBitstring(b, from * 8, (to - from) * 8);

/** Split at one match: the bytes before it and the bytes after it. */
function splitOnce(s: Search, f: Found): Term {
  const size = s.subject.bytes.length;
  const after = f.pos + f.len;
  const trimming = (s.flags & (TRIM | TRIM_ALL)) !== 0;
  if (trimming && after === size) return f.pos === 0 ? NIL : list([slice(s.subject, 0, f.pos)]);
  const rest = slice(s.subject, after, size);
  if ((s.flags & TRIM_ALL) !== 0 && f.pos === 0) return list([rest]);
  return list([slice(s.subject, 0, f.pos), rest]);
}

/**
 * Split at every match. `trim` drops the empty parts at the end only,
 * `trim_all` every empty part.
 */
function splitAll(s: Search, all: Found[]): Term {
  let trim = s.flags & (TRIM | TRIM_ALL);
  let out: Term = NIL;
  let end = s.subject.bytes.length;
  for (let i = all.length - 1; i >= 0; i--) {
    const from = all[i]!.pos + all[i]!.len;
    if (!(from === end && trim !== 0)) {
      out = new Cons(slice(s.subject, from, end), out);
      trim &= ~TRIM;
    }
    end = all[i]!.pos;
  }
  if (!(end === 0 && trim !== 0)) out = new Cons(slice(s.subject, 0, end), out);
  return out;
}

function compile(p: unknown, t: Term): Term {
  const c = compilePattern(t) ?? badarg();
  return compiledTerm(p as Parameters<typeof compiledTerm>[0], c);
}

export const binaryBifs: Map<string, Bif> = bifTable([
  ['at/2', (_p, b, i) => at(b, i)],
  ['first/1', (_p, b) => first(b)],
  ['last/1', (_p, b) => last(b)],
  ['part/2', (_p, b, pl) => part2(b, pl)],
  ['part/3', (_p, b, pos, len) => part(b, pos, len)],
  ['copy/1', (_p, b) => copy(b, 1)],
  ['copy/2', (_p, b, n) => copy(b, n)],
  ['referenced_byte_size/1', (_p, b) => referencedByteSize(b)],
  ['decode_unsigned/1', (_p, b) => decodeUnsigned(b, 'big')],
  ['decode_unsigned/2', (_p, b, e) => decodeUnsigned(b, e)],
  ['encode_unsigned/1', (_p, u) => encodeUnsigned(u, 'big')],
  ['encode_unsigned/2', (_p, u, e) => encodeUnsigned(u, e)],
  ['list_to_bin/1', (_p, l) => (l instanceof Cons || l === NIL ? iolistToBinary(l) : badarg())],
  ['longest_common_prefix/1', (_p, l) => longestCommon(l, false)],
  ['longest_common_suffix/1', (_p, l) => longestCommon(l, true)],
  ['compile_pattern/1', (p, t) => compile(p, t)],
  ['match/2', (_p, s, pat) => match(s, pat, NIL)],
  ['match/3', (_p, s, pat, o) => match(s, pat, o)],
  ['matches/2', (_p, s, pat) => matches(s, pat, NIL)],
  ['matches/3', (_p, s, pat, o) => matches(s, pat, o)],
  ['split/2', (_p, s, pat) => split(s, pat, NIL)],
  ['split/3', (_p, s, pat, o) => split(s, pat, o)],
]);
