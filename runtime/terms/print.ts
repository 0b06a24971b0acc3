/**
 * `formatW(t)`: the text of `io_lib:format("~w", [T])` on OTP 25, flattened.
 *
 * Two printers meet in `~w` output, and both are reproduced:
 * - io_lib:write/2 (Erlang) prints atoms, numbers, lists, tuples, maps and
 *   bitstrings. `~w` uses the latin1 encoding, so atoms are quoted by
 *   io_lib:quote_atom/2 (reserved words, a first character that is not a
 *   lowercase latin1 letter, any character that is not a latin1 letter, digit,
 *   `_` or `@`) and characters above 255 inside quotes become `\x{HEX}`;
 * - the emulator's C printer (erl_printf_term.c) produces `pid_to_list`,
 *   `port_to_list`, `ref_to_list` and `fun_to_list`. Its atom quoting is
 *   different (no reserved words; `@` needs quotes) and it emits atom text as
 *   UTF-8 *bytes*, each byte becoming one character of the result: a module
 *   named `é` prints as `#Fun<Ã©.0.1>`. `~w` shows exactly that.
 *
 * The result is a JS string of code points, like the Erlang chardata; every
 * code point is below 256.
 */
import { formatFloatShort } from './float.js';
import { mapIterEntries } from './map.js';
import { NotATermError } from './errors.js';
import {
  BitString,
  Cons,
  ErlFloat,
  ExportFun,
  Fun,
  NIL,
  Pid,
  Port,
  Ref,
  type Atom,
  type ErlMapLike,
  type Term,
} from './types.js';

export interface FormatOptions {
  /**
   * The number printed in place of a node in pids, ports and refs (BEAM prints
   * its distribution channel). Default: 0 for `nonode@nohost`, and for other
   * nodes a small number handed out in order of first appearance.
   */
  channelOf?: (node: Atom, creation: number) => number;
}

/** `io_lib:format("~w", [T])` as a string. */
export function formatW(t: Term, opts: FormatOptions = {}): string {
  const out: string[] = [];
  write(t, out, opts.channelOf ?? defaultChannel, 0);
  return out.join('');
}

const channels = new Map<string, number>();
function defaultChannel(node: Atom): number {
  if (node === 'nonode@nohost') return 0;
  let n = channels.get(node);
  if (n === undefined) channels.set(node, (n = channels.size + 1));
  return n;
}

type Channel = (node: Atom, creation: number) => number;

/**
 * Levels printed by JS recursion (the fast path for shallow terms); deeper
 * parts are printed from an explicit stack by `writeDeep`, so no term is too
 * deep to print. List tails always loop.
 */
const MAX_REC = 64;

function write(t: Term, out: string[], ch: Channel, depth: number): void {
  switch (typeof t) {
    case 'number':
    case 'bigint':
      out.push(String(t));
      return;
    case 'string':
      out.push(writeAtom(t));
      return;
  }
  if (Array.isArray(t)) return depth < MAX_REC ? writeTuple(t, out, ch, depth) : writeDeep(t, out, ch);
  if (t instanceof Cons) return depth < MAX_REC ? writeList(t, out, ch, depth) : writeDeep(t, out, ch);
  const s = leafText(t, ch);
  if (s !== undefined) out.push(s);
  else if (depth < MAX_REC) writeMap(t as ErlMapLike, out, ch, depth);
  else writeDeep(t, out, ch);
}

/** The text of a term without parts (not a tuple or list cell); undefined for a map. */
function leafText(t: Term, ch: Channel): string | undefined {
  if (typeof t === 'number' || typeof t === 'bigint') return String(t);
  if (typeof t === 'string') return writeAtom(t);
  if (t === NIL) return '[]';
  if (t instanceof ErlFloat) return formatFloatShort(t.value);
  if (t instanceof BitString) return writeBits(t);
  if (t instanceof Pid) return pidToList(t, ch);
  if (t instanceof Port) return portToList(t, ch);
  if (t instanceof Ref) return refToList(t, ch);
  if (t instanceof Fun || t instanceof ExportFun) return funToList(t);
  if (isMapObj(t)) return undefined;
  throw new NotATermError(t);
}

const isMapObj = (t: Term): t is ErlMapLike =>
  typeof t === 'object' && t !== null && (t as ErlMapLike).isErlMap === true;

function writeTuple(t: Term[], out: string[], ch: Channel, depth: number): void {
  out.push('{');
  for (let i = 0; i < t.length; i++) {
    if (i > 0) out.push(',');
    write(t[i]!, out, ch, depth + 1);
  }
  out.push('}');
}

/** Loops along the tail, so a long list costs no stack. */
function writeList(l: Cons, out: string[], ch: Channel, depth: number): void {
  out.push('[');
  let t: Term = l;
  let first = true;
  while (t instanceof Cons) {
    if (!first) out.push(',');
    first = false;
    write(t.hd, out, ch, depth + 1);
    t = t.tl;
  }
  if (t !== NIL) {
    out.push('|');
    write(t, out, ch, depth + 1);
  }
  out.push(']');
}

function writeMap(m: ErlMapLike, out: string[], ch: Channel, depth: number): void {
  out.push('#{');
  let first = true;
  // ~w follows the map iterator (maps:next/1), which for hashmaps is the
  // reverse of maps:to_list/1 (entries()).
  for (const [k, v] of mapIterEntries(m)) {
    if (!first) out.push(',');
    first = false;
    write(k, out, ch, depth + 1);
    out.push(' => ');
    write(v, out, ch, depth + 1);
  }
  out.push('}');
}

/** Literal text on writeDeep's stack (a bare string there is an atom). */
class Text {
  constructor(readonly s: string) {}
}
/** The rest of a list after an element: `,Next...`, `|Tail]` or `]`. */
class ListRest {
  constructor(readonly tl: Term) {}
}
const CLOSE_BRACE = new Text('}');
const CLOSE_LIST = new Text(']');
const COMMA = new Text(',');
const ARROW = new Text(' => ');

/** `write` on an explicit stack: terms and text still to print, next on top. */
function writeDeep(t: Term, out: string[], ch: Channel): void {
  const stack: (Term | Text | ListRest)[] = [t];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x instanceof Text) out.push(x.s);
    else if (x instanceof ListRest) {
      const tl = x.tl;
      if (tl instanceof Cons) {
        out.push(',');
        stack.push(new ListRest(tl.tl), tl.hd);
      } else if (tl === NIL) out.push(']');
      else {
        out.push('|');
        stack.push(CLOSE_LIST, tl);
      }
    } else if (Array.isArray(x)) {
      out.push('{');
      stack.push(CLOSE_BRACE);
      for (let i = x.length - 1; i >= 0; i--) {
        stack.push(x[i]!);
        if (i > 0) stack.push(COMMA);
      }
    } else if (x instanceof Cons) {
      out.push('[');
      stack.push(new ListRest(x.tl), x.hd);
    } else if (isMapObj(x)) {
      out.push('#{');
      stack.push(CLOSE_BRACE);
      const es = Array.from(mapIterEntries(x));
      for (let i = es.length - 1; i >= 0; i--) {
        stack.push(es[i]![1], ARROW, es[i]![0]);
        if (i > 0) stack.push(COMMA);
      }
    } else out.push(leafText(x, ch)!);
  }
}

/** `<<1,2,3>>`, with a trailing partial byte as `Value:Bits`. */
function writeBits(b: BitString): string {
  const full = b.bitSize >>> 3;
  const parts: string[] = [];
  for (let i = 0; i < full; i++) parts.push(String(b.bytes[i]));
  const rest = b.bitSize & 7;
  if (rest) parts.push(`${b.bytes[full]! >> (8 - rest)}:${rest}`);
  return `<<${parts.join(',')}>>`;
}

// ---- atoms, io_lib style -------------------------------------------------

const RESERVED = new Set([
  'after', 'begin', 'case', 'try', 'cond', 'catch', 'andalso', 'orelse', 'end', 'fun', 'if',
  'let', 'of', 'receive', 'when', 'bnot', 'not', 'div', 'rem', 'band', 'and', 'bor', 'bxor',
  'bsl', 'bsr', 'or', 'xor',
]);

const isLowerL1 = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 223 && c <= 255 && c !== 247);
const isUpperL1 = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 192 && c <= 222 && c !== 215);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** io_lib:quote_atom/2. */
function ioLibNeedsQuote(a: string): boolean {
  if (RESERVED.has(a)) return true;
  const cps = Array.from(a, (s) => s.codePointAt(0)!);
  if (cps.length === 0 || !isLowerL1(cps[0]!)) return true;
  for (let i = 1; i < cps.length; i++) {
    const c = cps[i]!;
    if (!(isLowerL1(c) || isUpperL1(c) || isDigit(c) || c === 95 || c === 64)) return true;
  }
  return false;
}

const ESCAPES: Record<number, string> = {
  10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 8: '\\b', 12: '\\f', 27: '\\e', 127: '\\d',
};

/** io_lib:write_atom_as_latin1/1, what `~w` prints for an atom. */
export function writeAtom(a: string): string {
  if (!ioLibNeedsQuote(a)) return a;
  let s = "'";
  for (const ch of a) {
    const c = ch.codePointAt(0)!;
    if (ch === "'" || ch === '\\') s += '\\' + ch;
    else if ((c >= 32 && c <= 126) || (c >= 160 && c <= 255)) s += ch;
    else if (c > 255) s += `\\x{${c.toString(16).toUpperCase()}}`;
    else s += ESCAPES[c] ?? '\\' + c.toString(8).padStart(3, '0');
  }
  return s + "'";
}

// ---- pids, ports, refs, funs: the emulator's printer ---------------------

export function pidToList(p: Pid, ch: Channel = defaultChannel): string {
  return `<${ch(p.node, p.creation)}.${p.id}.${p.serial}>`;
}

export function portToList(p: Port, ch: Channel = defaultChannel): string {
  return `#Port<${ch(p.node, p.creation)}.${p.id}>`;
}

export function refToList(r: Ref, ch: Channel = defaultChannel): string {
  const words = [...r.ids].reverse().map((w) => String(w >>> 0));
  return `#Ref<${ch(r.node, r.creation)}.${words.join('.')}>`;
}

/** erlang:fun_to_list/1. */
export function funToList(f: Fun | ExportFun): string {
  if (f instanceof ExportFun) return `fun ${ertsAtom(f.module)}:${ertsAtom(f.name)}/${f.arity}`;
  return `#Fun<${utf8Chars(f.module)}.${f.oldIndex}.${f.oldUniq | 0}>`;
}

/** UTF-8 bytes of `s`, one character per byte (how erts emits atom text). */
function utf8Chars(s: string): string {
  return String.fromCharCode(...new TextEncoder().encode(s));
}

/**
 * erl_printf_term.c's print_atom_name: quoted unless a latin1 lowercase letter
 * starts it and latin1 letters, digits and `_` follow; code points of 3- and
 * 4-byte UTF-8 always force quotes; text emitted as UTF-8 bytes.
 */
export function ertsAtom(a: string): string {
  const cps = Array.from(a, (s) => s.codePointAt(0)!);
  if (cps.length === 0) return "''";
  const ok = (c: number): boolean => c <= 0x7ff;
  const quote =
    !(ok(cps[0]!) && isLowerL1(cps[0]!)) ||
    cps.slice(1).some((c) => !(ok(c) && (isLowerL1(c) || isUpperL1(c) || isDigit(c) || c === 95)));
  let s = quote ? "'" : '';
  for (const c of cps) s += ertsAtomChar(c);
  return quote ? s + "'" : s;
}

const ERTS_ESCAPES: Record<number, string> = {
  39: "\\'", 92: '\\\\', 10: '\\n', 12: '\\f', 9: '\\t', 13: '\\r', 8: '\\b', 11: '\\v',
};

function ertsAtomChar(c: number): string {
  const e = ERTS_ESCAPES[c];
  if (e !== undefined) return e;
  if (c < 32 || (c >= 128 && c < 160)) return '\\' + c.toString(8).padStart(3, '0');
  if (c < 128) return String.fromCharCode(c);
  return utf8Chars(String.fromCodePoint(c));
}
