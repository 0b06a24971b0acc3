/**
 * Parses the `-e 'mod:fun(Arg, ...)'` call of `beamjs run` (or Elixir's
 * `Mod.Name.fun(Arg, ...)`, still with Erlang literal arguments): a remote call whose
 * arguments are literal Erlang terms (integers in any base, floats, atoms,
 * quoted atoms, strings, characters, binaries `<<...>>` with integer and
 * string segments, tuples, lists with `|` tails, maps, and unary minus).
 * Errors name the column where the text stops making sense.
 */
import { mapFromEntries } from '../../runtime/terms/map.js';
import {
  BitString, Cons, ErlFloat, NIL, charlist, normInt, type Term,
} from '../../runtime/terms/types.js';

export class LiteralSyntaxError extends Error {
  constructor(message: string, readonly column: number) {
    super(`${message} at column ${column}`);
  }
}

export interface CallSpec {
  module: string;
  fun: string;
  args: Term[];
}

const ESCAPES: Record<string, number> = {
  n: 10, t: 9, r: 13, s: 32, e: 27, b: 8, f: 12, v: 11, d: 127, '\\': 92, "'": 39, '"': 34,
};

class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  fail(msg: string): never {
    throw new LiteralSyntaxError(msg, this.pos + 1);
  }

  ws(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  peek(s: string): boolean {
    this.ws();
    return this.text.startsWith(s, this.pos);
  }

  eat(s: string): boolean {
    if (!this.peek(s)) return false;
    this.pos += s.length;
    return true;
  }

  expect(s: string): void {
    if (!this.eat(s)) this.fail(`expected '${s}'`);
  }

  atom(): string {
    this.ws();
    if (this.text[this.pos] === "'") return this.quoted("'");
    const m = /^[a-z][A-Za-z0-9_@]*/.exec(this.text.slice(this.pos));
    if (!m) this.fail('expected an atom');
    this.pos += m[0].length;
    return m[0];
  }

  /** A quoted atom or string body, with Erlang's escapes. */
  quoted(q: string): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail(`unterminated ${q === '"' ? 'string' : 'quoted atom'}`);
      this.pos++;
      if (c === q) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      out += String.fromCodePoint(this.escape());
    }
  }

  escape(): number {
    const c = this.text[this.pos++];
    if (c === undefined) this.fail('unterminated escape');
    if (c in ESCAPES) return ESCAPES[c]!;
    if (/[0-7]/.test(c)) {
      let s = c;
      while (s.length < 3 && /[0-7]/.test(this.text[this.pos] ?? '')) s += this.text[this.pos++];
      return Number.parseInt(s, 8);
    }
    if (c === 'x') {
      if (this.text[this.pos] === '{') {
        const end = this.text.indexOf('}', this.pos);
        if (end < 0) this.fail('unterminated \\x{...}');
        const v = Number.parseInt(this.text.slice(this.pos + 1, end), 16);
        this.pos = end + 1;
        return v;
      }
      const v = Number.parseInt(this.text.slice(this.pos, this.pos + 2), 16);
      this.pos += 2;
      return v;
    }
    if (c === '^') return this.text.charCodeAt(this.pos++) & 31;
    return c.codePointAt(0)!;
  }

  number(): Term {
    const rest = this.text.slice(this.pos);
    let m = /^(\d+)#([0-9a-zA-Z]+)/.exec(rest);
    if (m) {
      const base = Number(m[1]);
      if (base < 2 || base > 36) this.fail(`bad base ${base}`);
      let v = 0n;
      for (const ch of m[2]!.toLowerCase()) {
        const d = Number.parseInt(ch, 36);
        if (d >= base) this.fail(`digit '${ch}' is not valid in base ${base}`);
        v = v * BigInt(base) + BigInt(d);
      }
      this.pos += m[0].length;
      return normInt(v);
    }
    m = /^\d+\.\d+([eE][-+]?\d+)?/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      const x = Number(m[0]);
      if (!Number.isFinite(x)) this.fail('float out of range');
      return new ErlFloat(x);
    }
    m = /^\d+/.exec(rest);
    if (!m) this.fail('expected a number');
    this.pos += m[0].length;
    return normInt(BigInt(m[0]));
  }

  term(): Term {
    this.ws();
    const c = this.text[this.pos];
    if (c === undefined) this.fail('expected a term');
    if (c === '-' || c === '+') {
      this.pos++;
      const t = this.term();
      if (c === '+') return t;
      if (typeof t === 'number') return t === 0 ? 0 : -t;
      if (typeof t === 'bigint') return normInt(-t);
      if (t instanceof ErlFloat) return new ErlFloat(-t.value);
      this.fail('unary minus needs a number');
    }
    if (/\d/.test(c)) return this.number();
    if (c === '$') {
      this.pos++;
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('expected a character after $');
      if (ch === '\\') {
        this.pos++;
        return this.escape();
      }
      const cp = this.text.codePointAt(this.pos)!;
      this.pos += cp > 0xffff ? 2 : 1;
      return cp;
    }
    if (c === '"') return charlist(this.quoted('"'));
    if (c === '{') return this.seq('{', '}');
    if (c === '[') return this.list();
    if (c === '#') return this.map();
    if (c === '<' && this.text[this.pos + 1] === '<') return this.binary();
    if (c === "'" || /[a-z]/.test(c)) return this.atom();
    return this.fail(`unexpected '${c}'`);
  }

  seq(open: string, close: string): Term[] {
    this.expect(open);
    const items: Term[] = [];
    if (this.eat(close)) return items;
    do items.push(this.term());
    while (this.eat(','));
    this.expect(close);
    return items;
  }

  list(): Term {
    this.expect('[');
    if (this.eat(']')) return NIL;
    const items: Term[] = [];
    do items.push(this.term());
    while (this.eat(','));
    const tail = this.eat('|') ? this.term() : NIL;
    this.expect(']');
    let l = tail;
    for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i]!, l);
    return l;
  }

  map(): Term {
    this.expect('#');
    this.expect('{');
    const entries: [Term, Term][] = [];
    if (!this.eat('}')) {
      do {
        const k = this.term();
        this.expect('=>');
        entries.push([k, this.term()]);
      } while (this.eat(','));
      this.expect('}');
    }
    return mapFromEntries(entries) as Term;
  }

  /** `<<1, 2, "abc", 300:16, -1:8>>`: integer and string segments (big-endian, unsigned wrap). */
  binary(): Term {
    this.expect('<<');
    const bytes: number[] = [];
    if (!this.eat('>>')) {
      do {
        this.ws();
        if (this.text[this.pos] === '"') {
          for (const ch of this.quoted('"')) bytes.push(ch.codePointAt(0)! & 255);
          continue;
        }
        const v = this.term();
        if (typeof v !== 'number' && typeof v !== 'bigint') this.fail('binary segments must be integers or strings');
        let size = 8;
        if (this.eat(':')) {
          const s = this.number();
          if (typeof s !== 'number' || s % 8 !== 0 || s <= 0) this.fail('segment sizes must be whole bytes');
          size = s;
        }
        let x = BigInt(v);
        for (let i = size / 8 - 1; i >= 0; i--) bytes.push(Number((x >> BigInt(8 * i)) & 255n));
        x = 0n;
      } while (this.eat(','));
      this.expect('>>');
    }
    return new BitString(Uint8Array.from(bytes), bytes.length * 8);
  }
}

/** Parse `mod:fun(Args...)` (a trailing `.` is allowed). */
export function parseCall(text: string): CallSpec {
  const p = new Parser(text);
  p.ws();
  // Elixir's spelling `Some.Module.fun(...)` names the module 'Elixir.Some.Module'.
  const alias = /^([A-Z][A-Za-z0-9_]*(?:\.[A-Z][A-Za-z0-9_]*)*)\./.exec(text.slice(p.pos));
  let module: string;
  if (alias) {
    module = `Elixir.${alias[1]}`;
    p.pos += alias[0].length;
  } else {
    module = p.atom();
    p.expect(':');
  }
  const fun = p.atom();
  const args = p.seq('(', ')');
  p.eat('.');
  p.ws();
  if (p.pos < text.length) p.fail('unexpected text after the call');
  return { module, fun, args };
}
