/**
 * `erlang:display/1`: the emulator's own term printer (erts
 * erl_printf_term.c), which is not `~w`:
 * - a non-empty list of latin1 printable characters (or \n \r \t, space)
 *   prints as a string: `"abc"`, with only `"` escaped and newline as `\n`;
 * - a non-empty binary of printable ASCII prints as `<<"abc">>`;
 * - floats print as C's `%.6e` (`1.500000e+00`);
 * - maps print `#{k=>v}` without spaces (large maps here as flat maps: erts
 *   prints its internal trie nodes, which have no portable meaning);
 * - atoms, pids, ports, refs and funs as pid_to_list & co. print them.
 * Text is emitted as bytes (code points ≤ 255; atom text as UTF-8 bytes).
 *
 * The line ends with `\r\n`, as BEAM writes it. Where it goes: the writer
 * installed with `setDisplayWriter` (bytes as characters), else the calling
 * process's runtime stdout (`p.rt.stdout`, text: the bytes read as UTF-8, so
 * atoms and UTF-8 binaries come out right), else Node's stdout as raw bytes.
 */
import { ErlangError } from '../process/protocol.js';
import { formatScientific } from '../terms/float.js';
import { bytesText } from './erlang-convert.js';
import { ertsAtom, funToList, pidToList, portToList, refToList } from '../terms/print.js';
import {
  BitString, Cons, ErlFloat, ExportFun, Fun, NIL, Pid, Port, Ref, isMap, type Term,
} from '../terms/types.js';

/** Where display/1 writes; text is a string of byte-valued characters. */
export type DisplayWriter = (text: string) => void;

const defaultWriter: DisplayWriter = (text) => {
  const proc = (globalThis as { process?: { stdout?: { write(b: Uint8Array): void } } }).process;
  if (proc?.stdout) proc.stdout.write(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  else console.log(text.replace(/\r?\n$/, ''));
};

let writer: DisplayWriter | undefined;

/** Install the writer for `erlang:display/1` (tests, browsers, embedding); undefined resets. */
export function setDisplayWriter(w: DisplayWriter | undefined): void {
  writer = w;
}

const utf8 = new TextDecoder('utf-8');

export function display(p: any, t: Term): Term {
  const text = displayText(t) + '\r\n';
  if (writer !== undefined) writer(text);
  else if (typeof p?.rt?.stdout === 'function') p.rt.stdout(utf8.decode(Uint8Array.from(text, (c) => c.charCodeAt(0))));
  else defaultWriter(text);
  return 'true';
}

const isCntrl = (c: number): boolean => c < 32 || c === 127 || (c >= 128 && c < 160);
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

function printableString(l: Cons): number[] | undefined {
  const cs: number[] = [];
  let x: Term = l;
  while (x instanceof Cons) {
    const c = x.hd;
    if (typeof c !== 'number' || c < 0 || c > 255 || (isCntrl(c) && !isSpace(c))) return undefined;
    cs.push(c);
    x = x.tl;
  }
  return x === NIL ? cs : undefined;
}

function binaryText(b: BitString): string {
  const n = b.bitSize >>> 3;
  const rest = b.bitSize & 7;
  const bytes = b.bytes.subarray(0, n);
  if (rest === 0 && n > 0 && bytes.every((c) => c >= 32 && c < 127)) {
    return `<<"${bytesText(bytes).replace(/"/g, '\\"')}">>`;
  }
  const parts = Array.from(bytes, String);
  if (rest !== 0) parts.push(`${b.bytes[n]! >> (8 - rest)}:${rest}`);
  return `<<${parts.join(',')}>>`;
}

/** One step of the printer's work list: a term, or literal text. */
type Work = { term: Term } | { text: string };

/** The text erts prints for a term. Iterative: deep terms use no JS stack. */
export function displayText(t: Term): string {
  const out: string[] = [];
  const stack: Work[] = [{ term: t }];
  while (stack.length > 0) {
    const w = stack.pop()!;
    if ('text' in w) {
      out.push(w.text);
      continue;
    }
    const x = w.term;
    if (typeof x === 'number' || typeof x === 'bigint') out.push(String(x));
    else if (typeof x === 'string') out.push(ertsAtom(x));
    else if (x instanceof ErlFloat) out.push(formatScientific(x.value, 6));
    else if (x === NIL) out.push('[]');
    else if (x instanceof Cons) pushList(x, out, stack);
    else if (Array.isArray(x)) pushSeq('{', x.map((term) => ({ term })), '}', out, stack);
    else if (x instanceof BitString) out.push(binaryText(x));
    else if (x instanceof Pid) out.push(pidToList(x));
    else if (x instanceof Port) out.push(portToList(x));
    else if (x instanceof Ref) out.push(refToList(x));
    else if (x instanceof Fun || x instanceof ExportFun) out.push(funToList(x));
    else if (isMap(x)) pushMap(x, out, stack);
  }
  return out.join('');
}

function pushList(l: Cons, out: string[], stack: Work[]): void {
  const cs = printableString(l);
  if (cs !== undefined) {
    const s = cs.map((c) => (c === 10 ? '\\n' : c === 34 ? '\\"' : String.fromCharCode(c))).join('');
    out.push(`"${s}"`);
    return;
  }
  const items: Work[] = [];
  let x: Term = l;
  while (x instanceof Cons) {
    items.push({ term: x.hd });
    x = x.tl;
  }
  if (x !== NIL) items.push({ text: '|' }, { term: x });
  out.push('[');
  stack.push({ text: ']' });
  for (let i = items.length - 1; i >= 0; i--) {
    stack.push(items[i]!);
    // A comma between elements, but not around the '|' of an improper tail.
    const prev = items[i - 1];
    if (i > 0 && !('text' in items[i]!) && !(prev && 'text' in prev)) stack.push({ text: ',' });
  }
}

function pushSeq(open: string, items: Work[], close: string, out: string[], stack: Work[]): void {
  out.push(open);
  stack.push({ text: close });
  for (let i = items.length - 1; i >= 0; i--) {
    stack.push(items[i]!);
    if (i > 0) stack.push({ text: ',' });
  }
}

function pushMap(m: { entries(): IterableIterator<[Term, Term]> }, out: string[], stack: Work[]): void {
  const items: Work[] = [];
  for (const [k, v] of m.entries()) items.push({ term: k }, { text: '=>' }, { term: v });
  out.push('#{');
  stack.push({ text: '}' });
  for (let i = items.length - 1; i >= 0; i--) {
    stack.push(items[i]!);
    if (i > 0 && i % 3 === 0) stack.push({ text: ',' });
  }
}

/**
 * `erlang:display_string/1`: a string (a list of bytes, or a binary) written
 * as it is to standard error, as erts does before logger can print.
 */
export function displayString(p: any, t: Term): Term {
  const bytes: number[] = [];
  if (t instanceof BitString && (t.bitSize & 7) === 0) bytes.push(...t.bytes);
  else {
    let x: Term = t;
    while (x instanceof Cons) {
      const c = x.hd;
      if (typeof c !== 'number' || c < 0 || c > 255) throw new ErlangError('error', 'badarg');
      bytes.push(c);
      x = x.tl;
    }
    if (x !== NIL) throw new ErlangError('error', 'badarg');
  }
  if (typeof p?.rt?.writeBytes === 'function') {
    // Exactly these bytes: no line end added (logger's internal_log follows it with display/1).
    p.rt.writeBytes('stderr', Uint8Array.from(bytes));
    return 'true';
  }
  const text = utf8.decode(Uint8Array.from(bytes));
  if (typeof p?.rt?.stderr === 'function') p.rt.stderr(text);
  else defaultWriter(text);
  return 'true';
}
