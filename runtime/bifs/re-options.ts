/**
 * Option lists of re:compile/2, re:run/3 and re:internal_run/4, parsed as
 * erl_bif_re.c's parse_options does (any unknown option, malformed tuple or
 * improper list is badarg), and the compiled-pattern binary of beamjs.
 *
 * The compiled form returned by re:compile is the tuple OTP 25 returns,
 * `{re_pattern, CaptureCount, Unicode, UseCRLF, Binary}`, but the binary is
 * not PCRE's compiled bytes (we cannot produce those): it is
 *   "BJRE" (4 bytes) | format version 1 | compile flags (u16, big endian) |
 *   newline (1 byte: 0 lf, 1 cr, 2 crlf, 3 any, 4 anycrlf) |
 *   bsr (1 byte: 0 unicode, 1 anycrlf) | the pattern source bytes.
 * re:run recognises this encoding and recompiles (cached) from the source;
 * a PCRE binary made by BEAM is badarg here, as a foreign binary is on BEAM.
 */
import { BitString, Cons, NIL, type Term } from '../terms/types.js';
import type { CompileOptions, Newline } from './re-translate.js';

/** Compile-option flags, in the order of the bits of the binary. */
const COMPILE_FLAGS = [
  'caseless', 'multiline', 'dotall', 'extended', 'ungreedy', 'dollar_endonly', 'no_auto_capture',
  'dupnames', 'unicode', 'ucp', 'firstline', 'anchored', 'no_start_optimize', 'never_utf',
] as const;

const NEWLINES: readonly Newline[] = ['lf', 'cr', 'crlf', 'any', 'anycrlf'];

/** Options that only run/3 accepts (PARSE_FLAG_UNIQUE_EXEC_OPT). */
export interface ParsedOptions {
  /** Compile flag names given (anchored included). */
  compile: Set<string>;
  /** A compile-only option was given (anchored, newline and bsr are not). */
  uniqueCompile: boolean;
  /** A run-only option was given. */
  uniqueExec: boolean;
  newline: Newline | undefined;
  bsr: 'anycrlf' | 'unicode' | undefined;
  offset: number;
  capture: { values: Term; type: Term } | undefined;
  global: boolean;
  reportErrors: boolean;
  notempty: boolean;
  notemptyAtstart: boolean;
  notbol: boolean;
  noteol: boolean;
}

const INT_MAX = 2 ** 31 - 1;
const isIntArg = (t: Term): t is number => typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= INT_MAX;

const RUN_ATOMS = new Set(['notempty', 'notempty_atstart', 'notbol', 'noteol', 'report_errors', 'global']);
const COMPILE_ATOMS = new Set([
  'no_start_optimize', 'caseless', 'dollar_endonly', 'dotall', 'extended', 'firstline', 'multiline',
  'no_auto_capture', 'dupnames', 'ungreedy', 'ucp', 'never_utf', 'unicode',
]);

/** The parsed options, or undefined for anything parse_options rejects. */
export function parseOptions(list: Term): ParsedOptions | undefined {
  const o: ParsedOptions = {
    compile: new Set(), uniqueCompile: false, uniqueExec: false, newline: undefined, bsr: undefined,
    offset: 0, capture: undefined, global: false, reportErrors: false, notempty: false,
    notemptyAtstart: false, notbol: false, noteol: false,
  };
  let l = list;
  while (l instanceof Cons) {
    const item = l.hd;
    l = l.tl;
    if (Array.isArray(item)) {
      if (!tupleOption(item, o)) return undefined;
    } else if (typeof item === 'string') {
      if (!atomOption(item, o)) return undefined;
    } else {
      return undefined;
    }
  }
  return l === NIL ? o : undefined;
}

function tupleOption(t: Term[], o: ParsedOptions): boolean {
  if (t.length === 3 && t[0] === 'capture') {
    o.capture = { values: t[1]!, type: t[2]! };
    o.uniqueExec = true;
    return true;
  }
  if (t.length !== 2 || typeof t[0] !== 'string') return false;
  const v = t[1]!;
  switch (t[0]) {
    case 'capture':
      o.capture = { values: v, type: 'index' };
      o.uniqueExec = true;
      return true;
    case 'offset':
      if (!isIntArg(v)) return false;
      o.offset = v;
      o.uniqueExec = true;
      return true;
    case 'match_limit':
    case 'match_limit_recursion':
      if (!isIntArg(v)) return false;
      o.uniqueExec = true;
      return true;
    case 'newline':
      if (typeof v !== 'string' || !NEWLINES.includes(v as Newline)) return false;
      o.newline = v as Newline;
      return true;
    default:
      return false;
  }
}

function atomOption(a: string, o: ParsedOptions): boolean {
  if (a === 'anchored') {
    o.compile.add(a);
    return true;
  }
  if (a === 'bsr_anycrlf' || a === 'bsr_unicode') {
    o.bsr = a === 'bsr_anycrlf' ? 'anycrlf' : 'unicode';
    return true;
  }
  if (COMPILE_ATOMS.has(a)) {
    o.compile.add(a);
    o.uniqueCompile = true;
    return true;
  }
  if (!RUN_ATOMS.has(a)) return false;
  o.uniqueExec = true;
  if (a === 'global') o.global = true;
  else if (a === 'report_errors') o.reportErrors = true;
  else if (a === 'notempty') o.notempty = true;
  else if (a === 'notempty_atstart') o.notemptyAtstart = true;
  else if (a === 'notbol') o.notbol = true;
  else o.noteol = true;
  return true;
}

/** Everything a compiled pattern is made from. */
export interface PatternSpec {
  source: Uint8Array;
  flags: Set<string>;
  newline: Newline;
  bsr: 'anycrlf' | 'unicode';
}

export function compileOptionsOf(spec: PatternSpec): CompileOptions {
  const f = spec.flags;
  return {
    caseless: f.has('caseless'), multiline: f.has('multiline'), dotall: f.has('dotall'),
    extended: f.has('extended'), ungreedy: f.has('ungreedy'), dollarEndonly: f.has('dollar_endonly'),
    noAutoCapture: f.has('no_auto_capture'), dupnames: f.has('dupnames'), unicode: f.has('unicode'),
    ucp: f.has('ucp'), newline: spec.newline, bsrAnycrlf: spec.bsr === 'anycrlf',
  };
}

const MAGIC = [0x42, 0x4a, 0x52, 0x45];

/** The binary of a compiled pattern. */
export function encodePattern(spec: PatternSpec): BitString {
  let bits = 0;
  COMPILE_FLAGS.forEach((name, i) => {
    if (spec.flags.has(name)) bits |= 1 << i;
  });
  const head = [...MAGIC, 1, bits >> 8, bits & 0xff, NEWLINES.indexOf(spec.newline), spec.bsr === 'anycrlf' ? 1 : 0];
  const out = new Uint8Array(head.length + spec.source.length);
  out.set(head);
  out.set(spec.source, head.length);
  return new BitString(out, out.length * 8);
}

/** The spec encoded in a compiled pattern's binary, or undefined if it is not ours. */
export function decodePattern(b: Term): PatternSpec | undefined {
  if (!(b instanceof BitString) || (b.bitSize & 7) !== 0 || b.bytes.length < 9) return undefined;
  const x = b.bytes;
  if (x[0] !== MAGIC[0] || x[1] !== MAGIC[1] || x[2] !== MAGIC[2] || x[3] !== MAGIC[3] || x[4] !== 1) return undefined;
  const bits = (x[5]! << 8) | x[6]!;
  const newline = NEWLINES[x[7]!];
  if (newline === undefined || x[8]! > 1) return undefined;
  const flags = new Set<string>();
  COMPILE_FLAGS.forEach((name, i) => {
    if (bits & (1 << i)) flags.add(name);
  });
  return { source: x.subarray(9), flags, newline, bsr: x[8] === 1 ? 'anycrlf' : 'unicode' };
}
