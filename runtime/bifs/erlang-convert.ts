/**
 * Atom and integer conversions of the `erlang` module: atom_to_list,
 * list_to_atom, binary_to_atom & co., integer_to_list/binary and back.
 *
 * Text conventions (BEAM's):
 * - an atom holds at most 255 characters (`system_limit` beyond, except in
 *   the `*_existing_atom` BIFs, which just fail with `badarg`);
 * - atom text is Unicode: a list of code points (no surrogates), or UTF-8 in a
 *   binary (strictly decoded: overlong forms, surrogates and stray bytes are
 *   `badarg`), or latin1 where asked for;
 * - integer text is an optional sign, then at least one digit of the base;
 *   nothing else, not even blanks.
 */
import { BitString, Cons, NIL, charlist, type Int, type Term } from '../terms/types.js';
import { MAX_ATOM_CHARACTERS, atomExists, atomLength, internAtom } from './atoms.js';
import { badarg, isSmall, listToArray, systemLimit, type Bif } from './erlang-args.js';
import { bigResult } from './erlang-arith.js';

// ---- atoms -----------------------------------------------------------------

function atomArg(a: Term): string {
  return typeof a === 'string' ? a : badarg();
}

type Encoding = 'latin1' | 'utf8';

function encodingArg(e: Term): Encoding {
  if (e === 'latin1') return 'latin1';
  if (e === 'utf8' || e === 'unicode') return 'utf8';
  return badarg();
}

/** A binary's bytes (not a bitstring), else `badarg`. */
export function binaryBytes(b: Term): Uint8Array {
  if (!(b instanceof BitString) || (b.bitSize & 7) !== 0) return badarg();
  return b.bytes;
}

function atomToBinary(a: Term, enc: Term): BitString {
  const name = atomArg(a);
  const e = encodingArg(enc);
  if (e === 'utf8') return utf8Bits(name);
  const out = new Uint8Array(atomLength(name));
  let i = 0;
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c > 255) return badarg();
    out[i++] = c;
  }
  return new BitString(out, out.length * 8);
}

function utf8Bits(s: string): BitString {
  const bytes = new TextEncoder().encode(s);
  return new BitString(bytes, bytes.length * 8);
}

const isCodePoint = (c: Term): c is number =>
  typeof c === 'number' && c >= 0 && c <= 0x10ffff && (c < 0xd800 || c > 0xdfff);

/**
 * The text of a list of code points; undefined if it is not one, `LONG` for a
 * proper list of more than 255 elements, whatever they are (erts checks the
 * length first).
 */
function codePointsText(l: Term): AtomText {
  const items = listToArray(l);
  if (items === undefined) return undefined;
  if (items.length > MAX_ATOM_CHARACTERS) return LONG;
  if (!items.every(isCodePoint)) return undefined;
  return String.fromCodePoint(...(items as number[]));
}
/** Marker: valid text, but too long for an atom. */
const LONG: unique symbol = Symbol('too long');
type AtomText = string | undefined | typeof LONG;

function listToAtom(l: Term): string {
  const s = codePointsText(l);
  if (s === undefined) return badarg();
  if (s === LONG) return systemLimit();
  return internAtom(s);
}

function listToExistingAtom(l: Term): string {
  const s = codePointsText(l);
  return typeof s === 'string' && atomExists(s) ? s : badarg();
}

/**
 * The text of a binary in an encoding, scanned the way erts scans it: more
 * than 4 × 255 bytes is too long outright; otherwise characters are decoded
 * in order and the first of "invalid UTF-8" or "a 256th character" decides.
 */
function binaryText(b: Term, enc: Encoding): AtomText {
  const bytes = binaryBytes(b);
  if (enc === 'latin1') return bytes.length > MAX_ATOM_CHARACTERS ? LONG : String.fromCharCode(...bytes);
  if (bytes.length > 4 * MAX_ATOM_CHARACTERS) return LONG;
  const cps: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    if (cps.length === MAX_ATOM_CHARACTERS) return LONG;
    const r = utf8At(bytes, i);
    if (r === undefined) return undefined;
    cps.push(r.cp);
    i += r.len;
  }
  return String.fromCodePoint(...cps);
}

/** The code point at `i` in strict UTF-8 (no overlongs, no surrogates), or undefined. */
function utf8At(b: Uint8Array, i: number): { cp: number; len: number } | undefined {
  const c = b[i]!;
  if (c < 0x80) return { cp: c, len: 1 };
  const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
  if (len === 0 || c > 0xf4 || i + len > b.length) return undefined;
  let cp = c & (0x7f >> len);
  for (let k = 1; k < len; k++) {
    const x = b[i + k]!;
    if ((x & 0xc0) !== 0x80) return undefined;
    cp = (cp << 6) | (x & 0x3f);
  }
  const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
  return { cp, len };
}

function binaryToAtom(b: Term, enc: Term): string {
  const e = encodingArg(enc);
  const s = binaryText(b, e);
  if (s === undefined) return badarg();
  if (s === LONG) return systemLimit();
  return internAtom(s);
}

function binaryToExistingAtom(b: Term, enc: Term): string {
  const e = encodingArg(enc);
  const s = binaryText(b, e);
  return typeof s === 'string' && atomExists(s) ? s : badarg();
}

// ---- integers --------------------------------------------------------------

function integerArg(i: Term): Int {
  return typeof i === 'number' || typeof i === 'bigint' ? i : badarg();
}

function baseArg(b: Term): number {
  return typeof b === 'number' && b >= 2 && b <= 36 ? b : badarg();
}

/** Digits of an integer in a base, letters in upper case (as BEAM prints them). */
export function integerText(i: Term, base: Term = 10): string {
  const n = integerArg(i);
  const b = baseArg(base);
  return b === 10 ? String(n) : n.toString(b).toUpperCase();
}

/**
 * The integer an Erlang integer text denotes, or undefined. `s` is the raw
 * text (one char per list element or byte); any character that is not a
 * digit of the base, after an optional leading sign, makes it invalid.
 */
export function parseInteger(s: string, base: number): Int | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  if (i >= s.length) return undefined;
  const digits = s.slice(i);
  for (let k = 0; k < digits.length; k++) {
    if (digitValue(digits.charCodeAt(k)) >= base) return undefined;
  }
  // Up to 15 digits fit a double exactly in every base ≤ 10 (and 10 in base 36).
  if (digits.length <= (base <= 10 ? 15 : 10)) {
    const v = parseInt(digits, base);
    return neg ? 0 - v : v;
  }
  const mag = bigFromDigits(digits, base);
  return bigResult(neg ? -mag : mag);
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 87;
  return 99;
}

const PREFIX: Record<number, string> = { 2: '0b', 8: '0o', 10: '', 16: '0x' };

/** A digit string (already validated) as a bigint, in any base 2..36. */
function bigFromDigits(digits: string, base: number): bigint {
  const prefix = PREFIX[base];
  if (prefix !== undefined) return BigInt(prefix + digits);
  // Other bases: 8 digits at a time (36^8 < 2^53).
  const B = BigInt(base);
  let acc = 0n;
  for (let k = 0; k < digits.length; k += 8) {
    const chunk = digits.slice(k, k + 8);
    acc = acc * B ** BigInt(chunk.length) + BigInt(parseInt(chunk, base));
  }
  return acc;
}

/** The characters of a list of bytes as a string, or undefined. */
export function byteListText(l: Term): string | undefined {
  const parts: number[] = [];
  while (l instanceof Cons) {
    const c = l.hd;
    if (typeof c !== 'number' || c < 0 || c > 255 || !Number.isInteger(c)) return undefined;
    parts.push(c);
    l = l.tl;
  }
  if (l !== NIL) return undefined;
  return bytesText(Uint8Array.from(parts));
}

/** Bytes as a string, one char per byte (latin1). */
export function bytesText(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return s;
}

function listToInteger(l: Term, base: Term = 10): Int {
  const b = baseArg(base);
  const s = typeof l === 'string' ? undefined : listCharsText(l);
  if (s === undefined) return badarg();
  return parseInteger(s, b) ?? badarg();
}

/**
 * A list of integers as text for parsing, the way erts reads it: a leading
 * sign must be exactly `$+` or `$-`; every other element must be a small
 * integer and only its low byte counts (`[16#131]` reads as "1").
 */
function listCharsText(l: Term): string | undefined {
  const parts: string[] = [];
  for (let first = true; l instanceof Cons; first = false, l = l.tl) {
    const c = l.hd;
    if (!isSmall(c)) return undefined;
    if (first && (c === 43 || c === 45)) parts.push(String.fromCharCode(c));
    else {
      const low = Number(BigInt.asUintN(8, BigInt(c)));
      // A sign byte that was not exactly a sign is just a bad digit.
      parts.push(low === 43 || low === 45 ? '\u0100' : String.fromCharCode(low));
    }
  }
  return l === NIL ? parts.join('') : undefined;
}

function binaryToInteger(b: Term, base: Term = 10): Int {
  const bs = baseArg(base);
  return parseInteger(bytesText(binaryBytes(b)), bs) ?? badarg();
}

const asciiBinary = (s: string): BitString => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return new BitString(out, out.length * 8);
};

export const convertBifs: [string, Bif][] = [
  ['atom_to_list/1', (_p, a) => charlist(atomArg(a))],
  ['list_to_atom/1', (_p, l) => listToAtom(l)],
  ['list_to_existing_atom/1', (_p, l) => listToExistingAtom(l)],
  ['atom_to_binary/1', (_p, a) => atomToBinary(a, 'utf8')],
  ['atom_to_binary/2', (_p, a, e) => atomToBinary(a, e)],
  ['binary_to_atom/1', (_p, b) => binaryToAtom(b, 'utf8')],
  ['binary_to_atom/2', (_p, b, e) => binaryToAtom(b, e)],
  ['binary_to_existing_atom/1', (_p, b) => binaryToExistingAtom(b, 'utf8')],
  ['binary_to_existing_atom/2', (_p, b, e) => binaryToExistingAtom(b, e)],

  ['integer_to_list/1', (_p, i) => charlist(integerText(i))],
  ['integer_to_list/2', (_p, i, b) => charlist(integerText(i, b))],
  ['integer_to_binary/1', (_p, i) => asciiBinary(integerText(i))],
  ['integer_to_binary/2', (_p, i, b) => asciiBinary(integerText(i, b))],
  ['list_to_integer/1', (_p, l) => listToInteger(l)],
  ['list_to_integer/2', (_p, l, b) => listToInteger(l, b)],
  ['binary_to_integer/1', (_p, b) => binaryToInteger(b)],
  ['binary_to_integer/2', (_p, b, base) => binaryToInteger(b, base)],
];
