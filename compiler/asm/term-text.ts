/**
 * Erlang-syntax text for the listing printer. `erlc -S` writes its listing
 * with `~p`, so literals show printable lists as "strings" and printable
 * binaries as <<"...">>; this one-line printer does the same for lists,
 * binaries, tuples and maps, and leaves atoms, numbers, funs, pids, ports and
 * refs to the runtime's `~w` printer (runtime/terms/print.ts).
 */
import { formatW, writeAtom } from '../../runtime/terms/print.js';
import { BitString, Cons, ErlFloat, NIL, isMap, type Term } from '../../runtime/terms/types.js';

/** An atom as `~w` writes it: bare when it can be, else in single quotes. */
export const quoteAtom = (a: string): string => writeAtom(a);

function escapeChar(ch: string): string {
  switch (ch) {
    case '\\': return '\\\\';
    case '\n': return '\\n';
    case '\t': return '\\t';
    case '\r': return '\\r';
    case '\f': return '\\f';
    case '\b': return '\\b';
    case '\v': return '\\v';
    case '\x1b': return '\\e';
    case '\x7f': return '\\d';
  }
  const c = ch.codePointAt(0)!;
  if (c < 0x20) return `\\^${String.fromCharCode(c + 64)}`;
  return ch;
}

/** Printable as a "string" (Latin-1 printable range, as `~p` uses by default). */
function isPrintable(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || (c >= 8 && c <= 13) || c === 27;
}

function quoteString(codes: readonly number[]): string {
  let s = '"';
  for (const c of codes) {
    const ch = String.fromCodePoint(c);
    s += ch === '"' ? '\\"' : escapeChar(ch);
  }
  return `${s}"`;
}

/** A float as `~w` prints it. */
export const formatFloat = (v: number): string => formatW(new ErlFloat(v));

export function formatTerm(t: Term): string {
  if (Array.isArray(t)) return `{${t.map(formatTerm).join(',')}}`;
  if (t === NIL) return '[]';
  if (t instanceof Cons) return formatList(t);
  if (t instanceof BitString) return formatBits(t);
  if (isMap(t)) {
    const parts: string[] = [];
    for (const [k, v] of t.entries()) parts.push(`${formatTerm(k)} => ${formatTerm(v)}`);
    return `#{${parts.join(',')}}`;
  }
  return formatW(t);
}

function formatList(l: Cons): string {
  const items: Term[] = [];
  let cur: Term = l;
  while (cur instanceof Cons) {
    items.push(cur.hd);
    cur = cur.tl;
  }
  if (cur === NIL && items.every((x) => typeof x === 'number' && isPrintable(x))) {
    return quoteString(items as number[]);
  }
  const body = items.map(formatTerm).join(',');
  return cur === NIL ? `[${body}]` : `[${body}|${formatTerm(cur)}]`;
}

function formatBits(b: BitString): string {
  const whole = b.bitSize >> 3;
  const rest = b.bitSize & 7;
  const bytes = Array.from(b.bytes.subarray(0, whole));
  if (rest === 0 && whole > 0 && bytes.every(isPrintable)) return `<<${quoteString(bytes)}>>`;
  const parts = bytes.map(String);
  if (rest !== 0) parts.push(`${b.bytes[whole]! >> (8 - rest)}:${rest}`);
  return `<<${parts.join(',')}>>`;
}
