/**
 * The C-implemented functions of OTP 25's `re` module (erl_bif_re.c over
 * PCRE 8.44): run/2,3, internal_run/4, compile/1,2, inspect/2, version/0.
 * re:replace, re:split and the global / unicode-list paths of re:run stay
 * OTP's Erlang code (re.erl), which these BIFs trap to exactly where the C
 * code does:
 * - re:run with `global` continues in re:grun/3 (a loop over internal_run);
 * - re:run in unicode mode with a non-binary subject or pattern, or a
 *   `{capture, _, list}` without global, continues in re:urun/3;
 * - re:compile in unicode mode with a non-binary pattern continues in
 *   re:ucompile/2.
 * Patterns are translated to JS RegExps (./re-translate.ts, ./re-exec.ts);
 * the compiled-pattern binary is our own encoding (./re-options.ts).
 *
 * Known differences from BEAM/PCRE:
 * - not supported, a compile error ("beamjs does not support ..."):
 *   recursion and subroutine calls ((?R), (?1), (?&n), \g<n>), conditional
 *   groups (?(...)...), backtracking verbs other than (*FAIL) ((*COMMIT),
 *   (*SKIP), (*PRUNE), (*THEN), (*ACCEPT), (*MARK)), callouts (?C), \G other
 *   than at the pattern start, (?-i) inside a caseless pattern, a negated
 *   Unicode property set (ucp \W, \S, [:^alpha:]) mixed with other class
 *   members;
 * - ECMAScript repetition semantics: a capture group inside a repeated
 *   group is reset at each repetition (`(?:(a)|b)+` on "ab" leaves group 1
 *   unset; PCRE keeps "a"); an iteration that matches the empty string is
 *   emulated for `?`, `*`, `+`, `{n,}` when the repeated part holds capture
 *   groups, but not for bounded `{n,m}` loops, and a loop whose mandatory
 *   first iteration is empty goes on iterating (PCRE stops);
 * - a back reference to an unset group matches the empty string (PCRE
 *   fails); a back reference in a region made caseless by an inline (?i)
 *   compares case-sensitively; a back reference to a name given to several
 *   groups matches the concatenation of their values (right when only one
 *   is set, the usual case; PCRE uses the first set one);
 * - accepted although PCRE rejects them: variable-length alternatives
 *   nested inside a lookbehind, quantified lookbehind content inside nested
 *   lookaheads is rejected (PCRE accepts);
 * - {match_limit, N} and {match_limit_recursion, N} are accepted and
 *   ignored: no {error, match_limit}; a catastrophic pattern runs in V8's
 *   backtracking engine without a limit and without yielding to other
 *   processes (no reductions are counted for matching);
 * - an {offset, N} beyond the subject is badarg (BEAM raises internal_error);
 * - compile error positions follow PCRE's for the common errors (tested),
 *   others may differ; messages for unsupported features are our own;
 * - ucp classes use V8's Unicode tables, which may be newer than PCRE 8.44's;
 * - the compiled binary is not PCRE's: patterns compiled by BEAM (e.g.
 *   sent over term_to_binary) are badarg here, and vice versa.
 */
import { applyTail } from '../process/modules.js';
import { iolistToBinary } from '../terms/binary.js';
import { BitString, Cons, NIL, charlist, list, type Term } from '../terms/types.js';
import { badarg, bifTable, type Bif } from './erlang-args.js';
import { BadOffset, execOnce, makeSubject, validate, type CompiledRe } from './re-exec.js';
import {
  compileOptionsOf, decodePattern, encodePattern, parseOptions, type ParsedOptions, type PatternSpec,
} from './re-options.js';
import { PcreCompileError, translate } from './re-translate.js';

/**
 * Not PCRE's own version string: patterns compiled by a real PCRE (Elixir
 * stores `~r` regexes precompiled in its .beam files, tagged with
 * `re:version()`) are then recompiled from their source, which Elixir's
 * Regex does when the versions differ.
 */
const VERSION = '8.44 2020-02-12 (beamjs)';

// ---- compiling ---------------------------------------------------------------

const cache = new Map<string, CompiledRe | PcreCompileError>();
const CACHE_MAX = 512;

const specKey = (s: PatternSpec): string =>
  `${[...s.flags].sort().join(',')}|${s.newline}|${s.bsr}|${String.fromCharCode(...s.source.subarray(0, 4096))}|${s.source.length}`;

/** The compiled pattern of a spec, or the compile error (both cached). */
function compileSpec(spec: PatternSpec): CompiledRe | PcreCompileError {
  const key = spec.source.length <= 4096 ? specKey(spec) : undefined;
  const hit = key === undefined ? undefined : cache.get(key);
  if (hit !== undefined) return hit;
  const result = compileUncached(spec);
  if (key !== undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(key, result);
  }
  return result;
}

function compileUncached(spec: PatternSpec): CompiledRe | PcreCompileError {
  const opts = compileOptionsOf(spec);
  const pat = patternChars(spec.source, opts.unicode);
  if (pat instanceof PcreCompileError) return pat;
  try {
    const tr = translate(pat.cps, pat.offsets, opts);
    const re: CompiledRe = {
      tr, unicode: opts.unicode, anchored: spec.flags.has('anchored'), firstline: spec.flags.has('firstline'),
      variants: new Map(),
    };
    validate(re);
    return re;
  } catch (e) {
    if (e instanceof PcreCompileError) return e;
    if (e instanceof SyntaxError) return new PcreCompileError(`beamjs cannot translate this pattern (${e.message})`, 0);
    throw e;
  }
}

/** The pattern's characters and their byte offsets (UTF-8 decoded in unicode mode). */
function patternChars(src: Uint8Array, unicode: boolean): { cps: number[]; offsets: number[] } | PcreCompileError {
  const cps: number[] = [];
  const offsets: number[] = [];
  if (!unicode) {
    for (let i = 0; i < src.length; i++) {
      cps.push(src[i]!);
      offsets.push(i);
    }
    offsets.push(src.length);
    return { cps, offsets };
  }
  let i = 0;
  while (i < src.length) {
    const n = utf8Length(src, i);
    if (n === 0) return new PcreCompileError('invalid UTF-8 string', i);
    const b = src[i]!;
    let cp = n === 1 ? b : b & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) cp = (cp << 6) | (src[i + k]! & 0x3f);
    cps.push(cp);
    offsets.push(i);
    i += n;
  }
  offsets.push(src.length);
  return { cps, offsets };
}

/** Length of the valid UTF-8 sequence at i (0 when invalid). */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const n = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? (c < 0xf0 ? 3 : 0) : c >= 0xc2 ? 2 : 0;
  if (n === 0 || i + n > b.length) return 0;
  for (let k = 1; k < n; k++) if ((b[i + k]! & 0xc0) !== 0x80) return 0;
  const c1 = b[i + 1]!;
  if (c === 0xe0 && c1 < 0xa0) return 0;
  if (c === 0xed && c1 >= 0xa0) return 0;
  if (c === 0xf0 && c1 < 0x90) return 0;
  if (c === 0xf4 && c1 >= 0x90) return 0;
  return n;
}

function specOf(source: Uint8Array, o: ParsedOptions): PatternSpec {
  return { source, flags: o.compile, newline: o.newline ?? 'lf', bsr: o.bsr ?? 'unicode' };
}

/** `{re_pattern, N, Unicode, UseCRLF, Bin}`. */
function patternTuple(spec: PatternSpec, re: CompiledRe): Term {
  const nl = re.tr.newline;
  const crlf = nl === 'any' || nl === 'crlf' || nl === 'anycrlf' ? 1 : 0;
  return ['re_pattern', re.tr.captureCount, re.unicode ? 1 : 0, crlf, encodePattern(spec)];
}

const compileError = (e: PcreCompileError): Term => [charlist(e.message), e.offset];

/** The bytes of iodata (a binary as is), or badarg. */
const iodataBytes = (t: Term): Uint8Array => iolistToBinary(t).bytes;

function compile(p: any, pattern: Term, options: Term): Term {
  const o = parseOptions(options);
  if (o === undefined || o.uniqueExec) return badarg();
  if (o.compile.has('unicode') && !(pattern instanceof BitString)) return applyTail(p, 're', 'ucompile', [pattern, options]) as Term;
  const spec = specOf(iodataBytes(pattern), o);
  const re = compileSpec(spec);
  if (re instanceof PcreCompileError) return ['error', compileError(re)];
  return ['ok', patternTuple(spec, re)];
}

// ---- running -------------------------------------------------------------------

const isTuple5 = (t: Term): t is Term[] => Array.isArray(t) && t.length === 5;

function run(p: any, subject: Term, pattern: Term, options: Term, first: boolean): Term {
  void first;
  const o = parseOptions(options);
  if (o === undefined) return badarg();
  const listCap = o.capture !== undefined && o.capture.type === 'list';
  let re: CompiledRe;
  if (!isTuple5(pattern)) {
    if (!(pattern instanceof BitString) && !(pattern instanceof Cons) && pattern !== NIL) return badarg();
    if (o.compile.has('unicode') && (!(pattern instanceof BitString) || !(subject instanceof BitString) || (listCap && !o.global))) {
      return applyTail(p, 're', 'urun', [subject, pattern, options]) as Term;
    }
    const spec = specOf(iodataBytes(pattern), o);
    const compiled = compileSpec(spec);
    if (compiled instanceof PcreCompileError) {
      if (o.reportErrors) return ['error', ['compile', compileError(compiled)]];
      return badarg();
    }
    if (o.global) {
      const state = [options, o.uniqueCompile ? 'true' : 'false', pattern];
      return applyTail(p, 're', 'grun', [subject, patternTuple(spec, compiled), state]) as Term;
    }
    re = compiled;
  } else {
    if (o.uniqueCompile) return badarg();
    const [tag, n, uni, crlf, bin] = pattern;
    const spec = decodePattern(bin!);
    if (tag !== 're_pattern' || !isSmallInt(n) || !isSmallInt(uni) || !isSmallInt(crlf) || spec === undefined) return badarg();
    if (uni !== 0 && (!(subject instanceof BitString) || (listCap && !o.global))) {
      return applyTail(p, 're', 'urun', [subject, pattern, options]) as Term;
    }
    if (o.global) return applyTail(p, 're', 'grun', [subject, pattern, [options, 'false']]) as Term;
    // PCRE 8 accepts newline and \R conventions at match time too.
    const runSpec = { ...spec, newline: o.newline ?? spec.newline, bsr: o.bsr ?? spec.bsr, flags: new Set([...spec.flags, ...o.compile]) };
    const compiled = compileSpec(runSpec);
    if (compiled instanceof PcreCompileError) return badarg();
    re = compiled;
  }
  const spec = captureSpec(o, re);
  const bytes = subjectBytes(subject);
  const subj = makeSubject(bytes, re.unicode);
  if (subj === undefined) return badarg();
  let ov: number[] | null;
  try {
    ov = execOnce(re, subj, o.offset, {
      anchored: o.compile.has('anchored'), notbol: o.notbol, noteol: o.noteol,
      notempty: o.notempty, notemptyAtstart: o.notemptyAtstart,
    });
  } catch (e) {
    if (e instanceof BadOffset) return badarg();
    throw e;
  }
  if (ov === null) return 'nomatch';
  if (spec.type === 'none') return 'match';
  return ['match', captured(ov, spec, subject instanceof BitString ? subject : undefined, bytes)];
}

const isSmallInt = (t: Term): boolean => typeof t === 'number' && Number.isInteger(t);

function subjectBytes(subject: Term): Uint8Array {
  if (subject instanceof BitString && (subject.bitSize & 7) === 0) return subject.bytes;
  return iodataBytes(subject);
}

// ---- results ---------------------------------------------------------------------

type Pick = number | number[];
interface CaptureSpec {
  type: 'index' | 'list' | 'binary' | 'none';
  /** undefined: groups from `from` to the last set one. */
  picks: Pick[] | undefined;
  from: number;
}

/** build_capture: the capture option against the compiled pattern, or badarg. */
function captureSpec(o: ParsedOptions, re: CompiledRe): CaptureSpec {
  if (o.capture === undefined) return { type: 'index', picks: undefined, from: 0 };
  const { values } = o.capture;
  const t = o.capture.type;
  if (t !== 'index' && t !== 'list' && t !== 'binary') return badarg();
  const type = t as 'index' | 'list' | 'binary';
  if (values === 'none' || values === NIL) return { type: 'none', picks: undefined, from: 0 };
  if (values === 'all') return { type, picks: undefined, from: 0 };
  if (values === 'all_but_first') return { type, picks: undefined, from: 1 };
  if (values === 'first') return { type, picks: [0], from: 0 };
  if (values === 'all_names') {
    if (re.tr.names.length === 0) return { type: 'none', picks: undefined, from: 0 };
    // Without the dupnames option (even with (?J) in the pattern) each
    // name-table entry stands for its own group, as in erl_bif_re.c.
    if (!re.tr.dupnames) return { type, picks: re.tr.names.map(([, g]) => g), from: 0 };
    const names = [...new Set(re.tr.names.map(([n]) => n))];
    return { type, picks: names.map((n) => namePick(re, n)), from: 0 };
  }
  if (!(values instanceof Cons)) return badarg();
  const picks: Pick[] = [];
  let l: Term = values;
  while (l instanceof Cons) {
    picks.push(valuePick(re, l.hd));
    l = l.tl;
  }
  if (l !== NIL) return badarg();
  return { type, picks, from: 0 };
}

function valuePick(re: CompiledRe, v: Term): Pick {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2 ** 31 - 1) return v;
  if (typeof v === 'string') return namePick(re, v);
  if (v instanceof BitString || v instanceof Cons || v === NIL) {
    const bytes = iodataBytes(v);
    return namePick(re, String.fromCharCode(...bytes));
  }
  return badarg();
}

/** A name's group, or its groups in order when duplicated (-1: no such name). */
function namePick(re: CompiledRe, name: string): Pick {
  const groups = re.tr.names.filter(([n]) => n === name).map(([, g]) => g);
  if (groups.length === 0) return -1;
  if (groups.length === 1 || !re.tr.dupnames) return groups[0]!;
  return groups;
}

function captured(ov: number[], spec: CaptureSpec, subject: BitString | undefined, bytes: Uint8Array): Term {
  const rc = ov.length / 2;
  const isSet = (g: number): boolean => g >= 0 && g < rc && ov[2 * g]! >= 0;
  const one = (g: number): Term => {
    const start = isSet(g) ? ov[2 * g]! : -1;
    const len = isSet(g) ? ov[2 * g + 1]! - start : 0;
    if (spec.type === 'index') return [start, len];
    const from = start < 0 ? 0 : start;
    const part = bytes.subarray(from, from + len);
    if (spec.type === 'binary') return new BitString(part, len * 8);
    return list([...part]);
  };
  const out: Term[] = [];
  if (spec.picks === undefined) {
    for (let g = spec.from; g < rc; g++) out.push(one(g));
  } else {
    for (const pk of spec.picks) {
      const g = typeof pk === 'number' ? pk : (pk.find(isSet) ?? -1);
      out.push(isSet(g) ? one(g) : spec.type === 'index' ? [-1, 0] : spec.type === 'binary' ? new BitString(new Uint8Array(0), 0) : NIL);
    }
  }
  void subject;
  return list(out);
}

// ---- inspect / version ---------------------------------------------------------

function inspect(pattern: Term, item: Term): Term {
  if (!isTuple5(pattern) || pattern[0] !== 're_pattern' || item !== 'namelist') return badarg();
  const spec = decodePattern(pattern[4]!);
  if (spec === undefined) return badarg();
  const re = compileSpec(spec);
  if (re instanceof PcreCompileError) return badarg();
  const names = [...new Set(re.tr.names.map(([n]) => n))];
  return ['namelist', list(names.map((n) => new BitString(Uint8Array.from(n, (c) => c.charCodeAt(0)), n.length * 8)))];
}

export const reBifs: Map<string, Bif> = bifTable([
  ['version/0', () => new BitString(new TextEncoder().encode(VERSION), VERSION.length * 8)],
  ['compile/1', (p: any, pat: Term) => compile(p, pat, NIL)],
  ['compile/2', (p: any, pat: Term, opts: Term) => compile(p, pat, opts)],
  ['run/2', (p: any, s: Term, pat: Term) => run(p, s, pat, NIL, true)],
  ['run/3', (p: any, s: Term, pat: Term, opts: Term) => run(p, s, pat, opts, true)],
  ['internal_run/4', (p: any, s: Term, pat: Term, opts: Term, first: Term) => {
    if (first !== 'true' && first !== 'false') return badarg();
    return run(p, s, pat, opts, first === 'true');
  }],
  ['inspect/2', (_p: any, pat: Term, item: Term) => inspect(pat, item)],
]);
