/**
 * Running a translated pattern (./re-translate.ts) over a subject the way
 * pcre_exec does for re:run: subjects are bytes, offsets are byte offsets.
 *
 * - Non-unicode mode: each byte is one character (latin1), so JS string
 *   indices are byte offsets.
 * - Unicode mode: the subject must be valid UTF-8 (else badarg, as PCRE's UTF
 *   check); it is decoded to a JS string and match indices are converted
 *   back to byte offsets. A start offset inside a character is badarg.
 *
 * The RegExp always has the `u` flag (latin1 strings contain no surrogates,
 * so that is harmless in non-unicode mode) and `d` for group indices; `y`
 * when anchored, else `g`, with lastIndex at the start offset. Run-time
 * options are rendered into the RegExp source:
 * - notbol / noteol change `^` and `$`;
 * - notempty prefixes `(?=([\s\S]*))` and suffixes `(?!\1(?![\s\S]))`: the
 *   end of the match is refused when the rest of the subject there is the
 *   whole rest seen at the start, i.e. when the match is empty;
 * - notempty_atstart tries the notempty form anchored at the offset, then
 *   (unless anchored) the plain form from the next character on.
 */
import { newlineText, type Newline, type Tok, type Translation } from './re-translate.js';

export interface CompiledRe {
  tr: Translation;
  unicode: boolean;
  /** `anchored` given at compile time. */
  anchored: boolean;
  firstline: boolean;
  variants: Map<string, Variant>;
}

/** A rendered RegExp and the JS group number of each group id. */
export interface Variant {
  rx: RegExp;
  jsNum: Map<number, number>;
}

export interface ExecFlags {
  anchored: boolean;
  notbol: boolean;
  noteol: boolean;
  notempty: boolean;
  notemptyAtstart: boolean;
}

/** A subject as the matcher sees it. */
export interface Subject {
  bytes: Uint8Array;
  str: string;
  /** UTF-16 index -> byte offset (undefined when they are equal). */
  byteAt: Int32Array | undefined;
}

const nlLookbehind = (nl: Newline): string => `(?<=${newlineText(nl)})`;

function renderTok(t: Tok, nl: Newline, f: ExecFlags, jsNum: Map<number, number>): string {
  if (typeof t === 'string') return t;
  switch (t.t) {
    case 'open':
      return '(';
    case 'ref':
      // Several groups (duplicate names, branch reset, copies of repeated
      // groups): an unset group matches the empty string in JS, so their
      // concatenation is the value of the one set.
      return `(?:${t.ids.map((id) => `\\${jsNum.get(id)}`).join('')})`;
    case 'circ':
      if (!t.ml) return f.notbol ? '(?!)' : '(?<![\\s\\S])';
      return f.notbol ? `(?:${nlLookbehind(nl)}(?=[\\s\\S]))` : `(?:(?<![\\s\\S])|${nlLookbehind(nl)}(?=[\\s\\S]))`;
    case 'dollar': {
      const end = '(?![\\s\\S])';
      if (t.ml) return f.noteol ? `(?=${newlineText(nl)})` : `(?=${newlineText(nl)}|${end})`;
      if (f.noteol) return '(?!)';
      return t.endonly ? end : `(?=(?:${newlineText(nl)})?${end})`;
    }
  }
}

/** Group ids numbered in opening order (after `shift` leading groups). */
function numberGroups(toks: readonly Tok[], shift: number): Map<number, number> {
  const m = new Map<number, number>();
  let n = shift;
  for (const t of toks) if (typeof t !== 'string' && t.t === 'open') m.set(t.id, ++n);
  return m;
}

/** The RegExp for one combination of run-time options (cached on `re`). */
function variant(re: CompiledRe, f: ExecFlags, notempty: boolean, sticky: boolean): Variant {
  const key = `${+f.notbol}${+f.noteol}${+notempty}${+sticky}`;
  let v = re.variants.get(key);
  if (v === undefined) {
    const jsNum = numberGroups(re.tr.toks, notempty ? 1 : 0);
    let body = re.tr.toks.map((t) => renderTok(t, re.tr.newline, f, jsNum)).join('');
    if (notempty) body = `(?=([\\s\\S]*))(?:${body})(?!\\1(?![\\s\\S]))`;
    const flags = 'du' + (re.tr.caseless ? 'i' : '') + (sticky ? 'y' : 'g');
    v = { rx: new RegExp(body, flags), jsNum };
    re.variants.set(key, v);
  }
  return v;
}

/** Check the RegExp can be built (JS syntax limits); throws SyntaxError if not. */
export function validate(re: CompiledRe): void {
  const f = { anchored: false, notbol: false, noteol: false, notempty: false, notemptyAtstart: false };
  variant(re, f, false, false);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const subjects = new WeakMap<Uint8Array, Map<string, Subject>>();

/**
 * The subject for `bytes`; undefined when unicode and not valid UTF-8.
 * Cached per byte array, as re:run global calls internal_run many times
 * with one subject.
 */
export function makeSubject(bytes: Uint8Array, unicode: boolean): Subject | undefined {
  let byArray = subjects.get(bytes);
  const key = `${unicode ? 'u' : 'l'}`;
  const hit = byArray?.get(key);
  if (hit !== undefined) return hit;
  const s = unicode ? utf8Subject(bytes) : { bytes, str: latin1Decode(bytes), byteAt: undefined };
  if (s === undefined) return undefined;
  if (byArray === undefined) {
    byArray = new Map();
    subjects.set(bytes, byArray);
  }
  byArray.set(key, s);
  return s;
}

function latin1Decode(bytes: Uint8Array): string {
  // WHATWG's 'latin1' decoder is windows-1252: build the string from char codes.
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  }
  return s;
}

function utf8Subject(bytes: Uint8Array): Subject | undefined {
  let ascii = true;
  for (const b of bytes) if (b >= 0x80) { ascii = false; break; }
  if (ascii) return { bytes, str: latin1Decode(bytes), byteAt: undefined };
  let str: string;
  try {
    str = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  const byteAt = new Int32Array(str.length + 1).fill(-1);
  let b = 0;
  for (let i = 0; i < str.length; ) {
    byteAt[i] = b;
    const cp = str.codePointAt(i)!;
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  byteAt[str.length] = b;
  return { bytes, str, byteAt };
}

/** The UTF-16 index of a byte offset, or undefined inside a character / past the end. */
function indexOf(s: Subject, byte: number): number | undefined {
  if (byte > s.bytes.length) return undefined;
  if (s.byteAt === undefined) return byte;
  let lo = 0;
  let hi = s.str.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    let v = s.byteAt[mid]!;
    let k = mid;
    while (v < 0) v = s.byteAt[--k]!;
    if (v < byte) lo = mid + 1;
    else hi = mid;
  }
  return s.byteAt[lo] === byte ? lo : undefined;
}

const toByte = (s: Subject, idx: number): number => (s.byteAt === undefined ? idx : s.byteAt[idx]!);

/** Raised for a start offset that is not a character boundary or beyond the subject. */
export class BadOffset {}

/**
 * One match from byte offset `start`: the ovector as byte offsets
 * `[s0, e0, s1, e1, ...]` up to the highest set group (-1 for unset), or
 * null for no match.
 */
export function execOnce(re: CompiledRe, s: Subject, start: number, f: ExecFlags): number[] | null {
  const idx = indexOf(s, start);
  if (idx === undefined) throw new BadOffset();
  const anchored = f.anchored || re.anchored || re.tr.anchored;
  let found: { m: RegExpExecArray; jsNum: Map<number, number> } | null;
  if (f.notempty) {
    found = run(variant(re, f, true, anchored), s.str, idx);
  } else if (f.notemptyAtstart) {
    found = run(variant(re, f, true, true), s.str, idx);
    if (found === null && !anchored && idx < s.str.length) {
      const next = idx + (s.str.codePointAt(idx)! >= 0x10000 ? 2 : 1);
      found = run(variant(re, f, false, false), s.str, next);
    }
  } else {
    found = run(variant(re, f, false, anchored), s.str, idx);
  }
  if (found === null) return null;
  if (re.firstline && !beforeFirstNewline(s.str, idx, found.m.index)) return null;
  return ovector(re, s, found.m, found.jsNum);
}

function run(v: Variant, str: string, idx: number): { m: RegExpExecArray; jsNum: Map<number, number> } | null {
  v.rx.lastIndex = idx;
  const m = v.rx.exec(str);
  return m === null ? null : { m, jsNum: v.jsNum };
}

function beforeFirstNewline(str: string, from: number, at: number): boolean {
  let nl = str.indexOf('\n', from);
  if (nl < 0) nl = str.length;
  return at <= nl;
}

function ovector(re: CompiledRe, s: Subject, m: RegExpExecArray, jsNum: Map<number, number>): number[] {
  const ind = m.indices!;
  const out: number[] = [];
  let top = 0;
  for (let g = 0; g <= re.tr.captureCount; g++) {
    const span = g === 0 ? ind[0] : groupSpan(ind, re.tr.capIds[g]!, jsNum);
    if (span === undefined) {
      out.push(-1, -1);
    } else {
      out.push(toByte(s, span[0]), toByte(s, span[1]));
      top = g + 1;
    }
  }
  out.length = top * 2;
  // \K: the match starts where the (last) keep marker was passed.
  for (const id of re.tr.keeps) {
    const span = ind[jsNum.get(id)!];
    if (span !== undefined && toByte(s, span[0]) > out[0]!) out[0] = toByte(s, span[0]);
  }
  return out;
}

/** The span of the last set id (copies made for repeated groups come later). */
function groupSpan(ind: RegExpIndicesArray, ids: readonly number[], jsNum: Map<number, number>): [number, number] | undefined {
  for (let k = ids.length - 1; k >= 0; k--) {
    const id = ids[k]!;
    const span = ind[jsNum.get(id)!];
    if (span !== undefined) return span;
  }
  return undefined;
}
