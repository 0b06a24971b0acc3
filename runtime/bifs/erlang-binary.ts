/**
 * Binary BIFs of the `erlang` module: list/binary conversions, iolists,
 * binary_part/split_binary, term_to_binary/binary_to_term, external_size and
 * the portable hashes.
 *
 * BEAM's rules kept here:
 * - `binary_to_list/1`, `list_to_binary/1`, `iolist_*` want whole bytes; the
 *   `*bitstring*` BIFs accept a trailing partial byte;
 * - `binary_part`, `split_binary` and `binary_to_list/3` address whole bytes of
 *   any bitstring (a trailing partial byte is out of reach);
 * - decoding failures of binary_to_term are `badarg` (the decoder's EtfError
 *   is a TermBadArg, which the BIF wrapper turns into that);
 * - atoms created by binary_to_term/1 exist afterwards (atoms.ts).
 */
import { concatBitstrings, iolistSize, iolistToBinary, subBitstring } from '../terms/binary.js';
import { binaryToTermUsed, termToBinary, type TermToBinaryOptions } from '../terms/etf.js';
import { phash, phash2 } from '../terms/hash.js';
import { BitString, Cons, Fun, NIL, list, type Term } from '../terms/types.js';
import { forEachAtom, walkTerm } from '../terms/walk.js';
import { internAtom } from './atoms.js';
import { badarg, listToArray, type Bif } from './erlang-args.js';

function bitstringArg(b: Term): BitString {
  return b instanceof BitString ? b : badarg();
}

function binaryArg(b: Term): BitString {
  return b instanceof BitString && (b.bitSize & 7) === 0 ? b : badarg();
}

/** Whole bytes of a bitstring. */
const wholeBytes = (b: BitString): number => b.bitSize >>> 3;

const byteList = (bytes: Uint8Array): Term => list(Array.from(bytes));

function binaryToList3(b: Term, start: Term, stop: Term): Term {
  const bs = bitstringArg(b);
  if (typeof start !== 'number' || typeof stop !== 'number') return badarg();
  if (start < 1 || start > stop || stop > wholeBytes(bs)) return badarg();
  return byteList(bs.bytes.subarray(start - 1, stop));
}

/** `bitstring_to_list/1`: the bytes, then the trailing bits as a bitstring. */
function bitstringToList(b: Term): Term {
  const bs = bitstringArg(b);
  const n = wholeBytes(bs);
  const items: Term[] = Array.from(bs.bytes.subarray(0, n));
  if ((bs.bitSize & 7) !== 0) items.push(subBitstring(bs, n * 8, bs.bitSize & 7));
  return list(items);
}

/**
 * `list_to_bitstring/1`: like an iolist, but any bitstring may appear,
 * including as the tail. Iterative, so deep lists cost no JS stack.
 */
function listToBitstring(t: Term): BitString {
  if (!(t instanceof Cons) && t !== NIL) return badarg();
  const parts: BitString[] = [];
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) parts.push(new BitString(Uint8Array.from(bytes), bytes.length * 8));
    bytes = [];
  };
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let x = stack.pop()!;
    while (x instanceof Cons) {
      const h = x.hd;
      if (typeof h === 'number' && h >= 0 && h <= 255 && Number.isInteger(h)) bytes.push(h);
      else if (h instanceof BitString) {
        flush();
        parts.push(h);
      } else if (h instanceof Cons || h === NIL) {
        stack.push(x.tl);
        x = h;
        continue;
      } else {
        return badarg();
      }
      x = x.tl;
    }
    if (x instanceof BitString) {
      flush();
      parts.push(x);
    } else if (x !== NIL) {
      return badarg();
    }
  }
  flush();
  return parts.length === 0 ? new BitString(new Uint8Array(0), 0) : concatBitstrings(parts);
}

/** `binary_part(Bin, Start, Len)`: a negative Len counts back from Start. */
function binaryPart(b: Term, start: Term, len: Term): BitString {
  const bs = bitstringArg(b);
  if (typeof start !== 'number' || typeof len !== 'number') return badarg();
  let s = start;
  let l = len;
  if (l < 0) {
    s += l;
    l = -l;
  }
  if (s < 0 || s + l > wholeBytes(bs)) return badarg();
  return subBitstring(bs, s * 8, l * 8);
}

function binaryPart2(b: Term, pl: Term): BitString {
  if (!Array.isArray(pl) || pl.length !== 2) return badarg();
  return binaryPart(b, pl[0]!, pl[1]!);
}

function splitBinary(b: Term, pos: Term): Term {
  const bs = bitstringArg(b);
  if (typeof pos !== 'number' || pos < 0 || pos > wholeBytes(bs)) return badarg();
  return [subBitstring(bs, 0, pos * 8), subBitstring(bs, pos * 8, bs.bitSize - pos * 8)];
}

// ---- external term format ------------------------------------------------

/** term_to_binary/2's options, or external_size/2's (`allowCompression` false). */
function ttbOptions(opts: Term, allowCompression: boolean): TermToBinaryOptions {
  const o: TermToBinaryOptions = {};
  for (const x of listToArray(opts) ?? badarg()) {
    if (x === 'deterministic' && allowCompression) o.deterministic = true;
    else if (x === 'compressed' && allowCompression) o.compressed = 6;
    else if (Array.isArray(x) && x.length === 2 && typeof x[1] === 'number') {
      const [k, v] = x as [Term, number];
      if (k === 'compressed' && allowCompression && v >= 0 && v <= 9) o.compressed = v;
      // external_size/2 knows minor versions 0 and 1 only.
      else if (k === 'minor_version' && v >= 0 && v <= (allowCompression ? 2 : 1)) o.minorVersion = v as 0 | 1 | 2;
      else return badarg();
    } else {
      return badarg();
    }
  }
  return o;
}

function binaryToTerm2(b: Term, opts: Term): Term {
  let safe = false;
  let used = false;
  for (const x of listToArray(opts) ?? badarg()) {
    if (x === 'safe') safe = true;
    else if (x === 'used') used = true;
    else return badarg();
  }
  const r = binaryToTermUsed(binaryArg(b), { safe });
  forEachAtom(r.term, internAtom);
  return used ? [r.term, r.used] : r.term;
}

/**
 * `external_size/1,2` is erts' size estimate, not the encoding's length:
 * it counts 5 bytes (INTEGER_EXT) for a local fun's old index and old uniq,
 * which are written as SMALL_INTEGER_EXT (2 bytes) when they are 0..255.
 */
function externalSize(t: Term, opts: TermToBinaryOptions = {}): number {
  let slack = 0;
  const small = (n: number): boolean => (n | 0) >= 0 && (n | 0) <= 255;
  walkTerm(t, (x) => {
    if (x instanceof Fun) slack += (small(x.oldIndex) ? 3 : 0) + (small(x.oldUniq) ? 3 : 0);
  });
  return termToBinary(t, opts).bytes.length + slack;
}

function rangeArg(r: Term): number | bigint {
  return typeof r === 'number' || typeof r === 'bigint' ? r : badarg();
}

export const binaryBifs: [string, Bif][] = [
  ['binary_to_list/1', (_p, b) => byteList(binaryArg(b).bytes)],
  ['binary_to_list/3', (_p, b, s, e) => binaryToList3(b, s, e)],
  ['list_to_binary/1', (_p, l) => (l instanceof Cons || l === NIL ? iolistToBinary(l) : badarg())],
  ['iolist_to_binary/1', (_p, l) => iolistToBinary(l)],
  ['iolist_size/1', (_p, l) => iolistSize(l)],
  ['iolist_to_iovec/1', (_p, l) => {
    const b = iolistToBinary(l);
    return b.bytes.length === 0 ? NIL : list([b]);
  }],
  ['list_to_bitstring/1', (_p, l) => listToBitstring(l)],
  ['bitstring_to_list/1', (_p, b) => bitstringToList(b)],
  ['binary_part/2', (_p, b, pl) => binaryPart2(b, pl)],
  ['binary_part/3', (_p, b, s, l) => binaryPart(b, s, l)],
  ['split_binary/2', (_p, b, pos) => splitBinary(b, pos)],

  ['term_to_binary/1', (_p, t) => termToBinary(t)],
  ['term_to_binary/2', (_p, t, o) => termToBinary(t, ttbOptions(o, true))],
  ['term_to_iovec/1', (_p, t) => list([termToBinary(t)])],
  ['term_to_iovec/2', (_p, t, o) => list([termToBinary(t, ttbOptions(o, true))])],
  ['binary_to_term/1', (_p, b) => binaryToTerm2(b, NIL)],
  ['binary_to_term/2', (_p, b, o) => binaryToTerm2(b, o)],
  ['external_size/1', (_p, t) => externalSize(t)],
  ['external_size/2', (_p, t, o) => externalSize(t, ttbOptions(o, false))],

  ['phash/2', (_p, t, r) => phash(t, rangeArg(r))],
  ['phash2/1', (_p, t) => phash2(t)],
  ['phash2/2', (_p, t, r) => phash2(t, rangeArg(r))],
];
