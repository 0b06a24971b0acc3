/**
 * Translation of a PCRE (8.44, as built into OTP 25) pattern into the source
 * of a JavaScript RegExp with the `u` flag (and `i` when caseless applies to
 * the whole pattern).
 *
 * The translator parses the pattern itself, so every PCRE construct that JS
 * spells or means differently is rewritten explicitly instead of trusted to
 * look alike: literals are always escaped; `.`, `^`, `$`, `\Z` follow the
 * newline convention and the multiline / dotall / dollar_endonly options;
 * `\w`, `\d`, `\s`, `\b` and POSIX classes use PCRE's latin1 tables (see
 * ./re-charsets.ts); atomic groups and possessive quantifiers become
 * `(?=(X))\N`; named groups become plain numbered groups (JS in Node 20 has no
 * duplicate names) with the name table kept here; inline options (`(?i)`,
 * `(?s:...)`, ...) are applied while translating, and a caseless region that
 * is not the whole pattern gets its literals and classes case-expanded.
 *
 * Escapes, classes, quantifier syntax and leading verbs are parsed by the
 * base class in ./re-scan.ts. The result is a token list (./re-exec.ts
 * renders it into RegExp source for one set of run-time options:
 * notbol/noteol change what `^`/`$` mean), and a table of capture groups. Unsupported PCRE features (recursion,
 * subroutine calls, conditionals, branch reset, \K, backtracking verbs other
 * than (*FAIL)) are compile errors with a message naming the feature.
 */
import { WORD, caseVariants, classText, cpText, normalize } from './re-charsets.js';
import {
  ERR, PcreCompileError, Scanner, UCP_WORD, isDigit, isWordCh, type CompileOptions, type Newline,
} from './re-scan.js';

export { PcreCompileError, type CompileOptions, type Newline };

/** Tokens: RegExp text, group openings, backreferences, `^` and `$`. */
export type Tok =
  | string
  | { t: 'open'; id: number }
  | { t: 'ref'; ids: number[] }
  | { t: 'circ'; ml: boolean }
  | { t: 'dollar'; ml: boolean; endonly: boolean };

export interface Translation {
  toks: Tok[];
  /** `i` when the whole pattern is caseless. */
  caseless: boolean;
  captureCount: number;
  /**
   * PCRE group number -> group ids (index 0 unused); several ids when a
   * branch reset group (?|...) gives one number to groups of different
   * alternatives: the set one is the group's value.
   */
  capIds: number[][];
  /** [name, group number], sorted by name then number (PCRE's name table). */
  names: Array<[string, number]>;
  dupnames: boolean;
  newline: Newline;
  /** Set by a `\G` at the very start: the match must start at the offset. */
  anchored: boolean;
  /** Ids of the empty groups standing for `\K`: a set one moves the match start. */
  keeps: number[];
}

const NL_CHARS: Record<Newline, string> = {
  lf: '\\n', cr: '\\r', crlf: '\\r\\n', anycrlf: '(?:\\r\\n|\\r|\\n)',
  any: '(?:\\r\\n|[\\n\\v\\f\\r\\u0085\\u2028\\u2029])',
};
/** `.` without dotall, per newline convention. */
const DOT: Record<Newline, string> = {
  lf: '[^\\n]', cr: '[^\\r]', crlf: '(?:(?!\\r\\n)[\\s\\S])', anycrlf: '[^\\r\\n]',
  any: '[^\\n\\v\\f\\r\\u0085\\u2028\\u2029]',
};
export const newlineText = (nl: Newline): string => NL_CHARS[nl];

export function translate(cps: readonly number[], offsets: readonly number[], opts: CompileOptions): Translation {
  return new Translator(cps, offsets, opts).run();
}

class Translator extends Scanner {
  private toks: Tok[] = [];
  private caps = 0;
  private nextId = 1;
  private capIds: number[][] = [[]];
  /** Open branch reset groups: capture count at their start, highest seen. */
  private resets: Array<{ depth: number; start: number; max: number }> = [];
  private depth = 0;
  private names: Array<[string, number, number]> = [];
  private refs: Array<{ tok: { t: 'ref'; ids: number[] }; num?: number; name?: string; pos: number }> = [];
  private anchored = false;
  private keeps: number[] = [];
  /** Capture group id -> PCRE group number. */
  private idToNum = new Map<number, number>();
  /** Back references copied by copyGroups: filled in once the original is resolved. */
  private copiedRefs: Array<[{ ids: number[] }, { ids: number[] }, Map<number, number>]> = [];

  constructor(cps: readonly number[], offsets: readonly number[], opts: CompileOptions) {
    super(cps, offsets, opts);
  }

  run(): Translation {
    this.leadingVerbs();
    this.alternation();
    if (this.i < this.cps.length) this.fail(ERR.unmatched);
    this.resolveRefs();
    const names = [...this.names].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    return {
      toks: this.toks,
      caseless: this.globalI,
      captureCount: this.caps,
      capIds: this.capIds,
      names: names.map(([n, g]) => [n, g]),
      dupnames: this.opts.dupnames,
      newline: this.newline,
      anchored: this.anchored,
      keeps: this.keeps,
    };
  }

  private alternation(): void {
    for (;;) {
      this.skipExtended();
      const c = this.peek();
      if (c === undefined || c === 41) return;
      if (c === 124) {
        this.toks.push('|');
        this.i++;
        const r = this.resets[this.resets.length - 1];
        if (r !== undefined && r.depth === this.depth) {
          r.max = Math.max(r.max, this.caps);
          this.caps = r.start;
        }
        continue;
      }
      this.quantifiedAtom();
    }
  }

  private quantifiedAtom(): void {
    const start = this.toks.length;
    const atPos = this.i;
    if (this.quantifierAhead()) this.fail(ERR.nothing, atPos);
    const kind = this.atom();
    this.skipExtended();
    if (!this.quantifierAhead()) return;
    if (kind === 'none') this.fail(ERR.nothing);
    if (kind === 'assert') {
      this.toks.splice(start, 0, '(?:');
      this.toks.push(')');
    }
    const q = this.quantifier();
    const atom = this.toks.splice(start);
    const out = kind === 'atom' && this.hasCapture(atom) ? this.repeatKeepingEmpty(atom, q) : undefined;
    const body = out ?? [...atom, q.text + (q.lazy ? '?' : '')];
    if (!q.possessive) {
      this.toks.push(...body);
      return;
    }
    const id = this.nextId++;
    this.toks.push('(?=', { t: 'open', id }, ...body, '))', { t: 'ref', ids: [id] });
  }

  /**
   * A repeated atom with capture groups, so that an iteration matching the
   * empty string keeps its captures as in PCRE (ECMAScript discards such an
   * iteration, e.g. `(a*)*` on "" leaves the group unset in JS). `X?`
   * becomes `(?:X|)` (`(?:|X)` when lazy); greedy `X*`, `X+`, `X{n,}` get a
   * final `(?:X'|)`, X' a copy of X whose groups also stand for X's: after
   * the loop only an empty iteration can still match, and the copy records
   * it. Bounded and lazy loops are left as they are.
   */
  private repeatKeepingEmpty(atom: Tok[], q: { text: string; lazy: boolean }): Tok[] | undefined {
    if (q.text === '?') return q.lazy ? ['(?:|', ...atom, ')'] : ['(?:', ...atom, '|)'];
    if (q.lazy || !(q.text === '*' || q.text === '+' || /^\{\d+,\}$/.test(q.text))) return undefined;
    return ['(?:', ...atom, ')', q.text, '(?:', ...this.copyGroups(atom), '|)'];
  }

  private hasCapture(atom: readonly Tok[]): boolean {
    return atom.some((t) => typeof t !== 'string' && t.t === 'open' && (this.idToNum.has(t.id) || this.keeps.includes(t.id)));
  }

  /** A copy of tokens with fresh group ids, registered as the same groups. */
  private copyGroups(atom: readonly Tok[]): Tok[] {
    const remap = new Map<number, number>();
    for (const t of atom) {
      if (typeof t === 'string' || t.t !== 'open') continue;
      const id = this.nextId++;
      remap.set(t.id, id);
      const num = this.idToNum.get(t.id);
      if (num !== undefined) {
        this.capIds[num]!.push(id);
        this.idToNum.set(id, num);
      }
      if (this.keeps.includes(t.id)) this.keeps.push(id);
    }
    return atom.map((t): Tok => {
      if (typeof t === 'string') return t;
      if (t.t === 'open') return { t: 'open', id: remap.get(t.id)! };
      if (t.t === 'ref') {
        const ref = { t: 'ref' as const, ids: t.ids.map((id) => remap.get(id) ?? id) };
        this.copiedRefs.push([t, ref, remap]);
        return ref;
      }
      return { ...t };
    });
  }

  /** One atom; says whether it can be quantified. */
  private atom(): 'atom' | 'assert' | 'none' {
    const c = this.peek()!;
    switch (c) {
      case 40:
        return this.group();
      case 91:
        this.toks.push(this.charClass());
        return 'atom';
      case 46:
        this.i++;
        this.toks.push(this.cur.s ? '[\\s\\S]' : DOT[this.newline]);
        return 'atom';
      case 94:
        this.i++;
        this.toks.push({ t: 'circ', ml: this.cur.m });
        return 'assert';
      case 36:
        this.i++;
        this.toks.push({ t: 'dollar', ml: this.cur.m, endonly: this.opts.dollarEndonly });
        return 'assert';
      case 92:
        return this.escape();
      default:
        this.i++;
        this.literal(c);
        return 'atom';
    }
  }

  private literal(c: number): void {
    if (this.cur.i && !this.globalI) {
      const vs = caseVariants(c);
      if (vs.length > 0) {
        this.toks.push(classText(normalize([[c, c], ...vs.map((v): [number, number] => [v, v])])));
        return;
      }
    }
    this.toks.push(cpText(c));
  }

  // ---- groups -----------------------------------------------------------

  private group(): 'atom' | 'assert' | 'none' {
    const open = this.i;
    this.i++;
    if (this.peek() === 42) return this.verb(open);
    if (this.peek() !== 63) {
      if (this.opts.noAutoCapture) return this.body('(?:', ')', 'atom');
      return this.capture(undefined, open);
    }
    this.i++;
    const c = this.peek();
    switch (c) {
      case 35: {
        while (this.i < this.cps.length && this.cps[this.i] !== 41) this.i++;
        if (this.i >= this.cps.length) this.fail(ERR.comment);
        this.i++;
        return 'none';
      }
      case 58:
        this.i++;
        return this.body('(?:', ')', 'atom');
      case 61:
      case 33:
        this.i++;
        return this.body(c === 61 ? '(?=' : '(?!', ')', 'assert');
      case 62: {
        this.i++;
        const id = this.nextId++;
        this.toks.push('(?=', { t: 'open', id });
        this.body('', '', 'atom');
        this.toks.push('))', { t: 'ref', ids: [id] });
        return 'atom';
      }
      case 124: {
        this.i++;
        const r = { depth: this.depth + 1, start: this.caps, max: this.caps };
        this.resets.push(r);
        this.body('(?:', ')', 'atom');
        this.resets.pop();
        this.caps = Math.max(this.caps, r.max);
        return 'atom';
      }
      case 40:
        return this.unsupported('conditional groups (?(...)...)');
      case 82:
      case 38:
      case 43:
        return this.unsupported('recursion and subroutine calls');
      case 67:
        return this.unsupported('callouts (?C)');
      case 80:
        return this.pGroup(open);
      case 39:
        this.i++;
        return this.capture(this.groupName(39), open);
      case 60: {
        const n = this.peek(1);
        if (n === 61 || n === 33) {
          this.i += 2;
          this.lookbehinds.push(false);
          this.toks.push(n === 61 ? '(?<=' : '(?<!');
          const saved = { ...this.cur };
          this.depth++;
          this.alternation();
          this.depth--;
          if (this.peek() !== 41) this.fail(ERR.missingParen, this.cps.length);
          // PCRE 8 wants each branch of a lookbehind to have a fixed length.
          if (this.lookbehinds.pop()) this.fail('lookbehind assertion is not fixed length');
          this.i++;
          this.cur = saved;
          this.toks.push(')');
          return 'assert';
        }
        this.i++;
        return this.capture(this.groupName(62), open);
      }
      default:
        if (isDigit(c) || c === 45 && isDigit(this.peek(1))) return this.unsupported('recursion and subroutine calls');
        return this.optionSetting();
    }
  }

  /** `(?P<name>...)`, `(?P=name)`, `(?P>name)`. */
  private pGroup(open: number): 'atom' | 'none' {
    this.i++;
    const c = this.peek();
    if (c === 60) {
      this.i++;
      return this.capture(this.groupName(62), open) as 'atom';
    }
    if (c === 61) {
      this.i++;
      const start = this.i;
      const name = this.groupName(41);
      this.namedRef(name, this.i - 1, start);
      return 'atom';
    }
    if (c === 62) return this.unsupported('recursion and subroutine calls');
    return this.fail(ERR.afterParen);
  }

  /** A group name up to `term`; leaves i after the terminator. */
  private groupName(term: number): string {
    const start = this.i;
    if (isDigit(this.peek())) this.fail(ERR.digitName);
    while (isWordCh(this.peek())) this.i++;
    if (this.peek() !== term || this.i === start) this.fail(ERR.nameTerm);
    const name = String.fromCodePoint(...this.cps.slice(start, this.i));
    this.i++;
    return name;
  }

  private capture(name: string | undefined, _open: number): 'atom' {
    const num = ++this.caps;
    const id = this.nextId++;
    (this.capIds[num] ??= []).push(id);
    this.idToNum.set(id, num);
    if (name !== undefined) {
      if (!this.dupnames && this.names.some(([n]) => n === name)) this.fail(ERR.dupName, this.i - 1);
      this.names.push([name, num, id]);
    }
    this.toks.push({ t: 'open', id });
    return this.body('', ')', 'atom');
  }

  /** The rest of a group whose opening text is `pre`; restores inline options. */
  private body<K extends 'atom' | 'assert'>(pre: string, post: string, kind: K): K {
    if (pre !== '') this.toks.push(pre);
    const saved = { ...this.cur };
    this.depth++;
    this.alternation();
    this.depth--;
    if (this.peek() !== 41) this.fail(ERR.missingParen, this.cps.length);
    this.i++;
    this.cur = saved;
    if (post !== '') this.toks.push(post);
    return kind;
  }

  /** `(?imsxUJ-imsxUJ)` or `(?imsx-imsx:...)`. */
  private optionSetting(): 'atom' | 'none' {
    let on = true;
    const next = { ...this.cur };
    for (;;) {
      const c = this.peek();
      if (c === 41 || c === 58) break;
      const ch = c === undefined ? '' : String.fromCodePoint(c);
      if (ch === '-' && on) on = false;
      else if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'x' || ch === 'U') next[ch] = on;
      else if (ch === 'J') this.dupnames = on;
      else if (ch === 'X') {
        /* PCRE_EXTRA: no effect on what we support */
      } else this.fail(ERR.afterParen);
      this.i++;
    }
    if (next.i !== this.cur.i && !next.i && this.globalI) this.unsupported('(?-i) inside a caseless pattern');
    if (this.peek() === 41) {
      this.i++;
      if (next.i && !this.globalI && this.toks.length === 0) this.globalI = true;
      this.cur = next;
      return 'none';
    }
    this.i++;
    const saved = this.cur;
    this.cur = next;
    this.body('(?:', ')', 'atom');
    this.cur = saved;
    return 'atom';
  }

  private verb(open: number): 'atom' | 'none' {
    this.i++;
    const start = this.i;
    while (this.i < this.cps.length && this.cps[this.i] !== 41) this.i++;
    const name = String.fromCodePoint(...this.cps.slice(start, this.i));
    if (this.i >= this.cps.length) this.fail(ERR.verb, start);
    this.i++;
    if (name === 'FAIL' || name === 'F') {
      this.toks.push('(?!)');
      return 'atom';
    }
    if (/^(ACCEPT|COMMIT|PRUNE|SKIP|THEN|MARK)(:.*)?$|^:/.test(name)) {
      return this.unsupported(`the backtracking verb (*${name})`, open);
    }
    return this.fail(ERR.verb, this.i - 1);
  }

  // ---- escapes outside classes --------------------------------------------

  private escape(): 'atom' | 'assert' | 'none' {
    const at = this.i;
    this.i++;
    const c = this.peek();
    if (c === undefined) this.fail(ERR.backslashEnd, this.cps.length);
    this.i++;
    const ch = String.fromCodePoint(c);
    const set = this.escapeSet(ch);
    if (set !== undefined) {
      this.toks.push(set);
      return 'atom';
    }
    switch (ch) {
      case 'b': case 'B': {
        const w = this.ucp ? `[${UCP_WORD}]` : classText(WORD);
        this.toks.push(ch === 'b' ? `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))` : `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`);
        return 'assert';
      }
      case 'A': this.toks.push('(?<![\\s\\S])'); return 'assert';
      case 'z': this.toks.push('(?![\\s\\S])'); return 'assert';
      case 'Z': this.toks.push(`(?=(?:${NL_CHARS[this.newline]})?(?![\\s\\S]))`); return 'assert';
      case 'G':
        if (at !== 0) this.unsupported('\\G other than at the start of the pattern', at);
        this.anchored = true;
        return 'none';
      case 'K': {
        const id = this.nextId++;
        this.keeps.push(id);
        this.toks.push({ t: 'open', id }, ')');
        return 'none';
      }
      case 'R':
        this.toks.push(this.bsrAnycrlf ? '(?:\\r\\n|\\r|\\n)' : '(?:\\r\\n|[\\n\\v\\f\\r\\u0085\\u2028\\u2029])');
        return 'atom';
      case 'N': this.toks.push(DOT[this.newline]); return 'atom';
      case 'X': this.toks.push('(?:\\P{M}\\p{M}*)'); return 'atom';
      case 'C': this.toks.push('[\\s\\S]'); return 'atom';
      case 'Q': this.quoted(); return 'none';
      case 'E': return 'none';
      case 'g': return this.gRef(at);
      case 'k': {
        const term = this.peek() === 60 ? 62 : this.peek() === 39 ? 39 : this.peek() === 123 ? 125 : undefined;
        if (term === undefined) this.fail(ERR.kEsc);
        this.i++;
        const start = this.i;
        const name = this.groupName(term);
        this.namedRef(name, this.i - 1, start);
        return 'atom';
      }
      case 'L': case 'l': case 'U': case 'u': return this.fail(ERR.caseEsc, this.i - 1);
    }
    if (c >= 49 && c <= 57) {
      const num = this.backrefNumber(c);
      if (num !== undefined) return 'atom';
    }
    this.i--;
    this.literal(this.charEscape());
    return 'atom';
  }

  /** `\d`-like escapes as a whole JS class (undefined if `ch` is none). */
  private escapeSet(ch: string): string | undefined {
    const cls = this.escapeClass(ch);
    if (cls === undefined) return undefined;
    if (cls.neg.length === 0 && cls.pos.length === 0) return classText(cls.ranges);
    if (cls.neg.length === 1 && cls.pos.length === 0) return `[^${cls.neg[0]}]`;
    return `[${cls.pos.join('')}]`;
  }

  /** `\Q...\E`: every character literal. */
  private quoted(): void {
    while (this.i < this.cps.length) {
      if (this.cps[this.i] === 92 && this.cps[this.i + 1] === 69) {
        this.i += 2;
        return;
      }
      this.literal(this.cps[this.i++]!);
    }
  }

  /**
   * `\1`..`\9` and longer numbers (i is after the first digit): a back
   * reference when below 8 or when that many groups were opened before;
   * else undefined (an octal escape or a literal 8/9 follows).
   */
  private backrefNumber(first: number): number | undefined {
    let j = this.i;
    let n = first - 48;
    while (isDigit(this.cps[j])) n = n * 10 + this.cps[j++]! - 48;
    if (!(n < 8 || n <= this.caps)) return undefined;
    this.i = j;
    this.numRef(n);
    return n;
  }

  /** `\g{N}`, `\gN`, `\g{-N}`, `\g{name}` (i is after the g). */
  private gRef(at: number): 'atom' {
    const c = this.peek();
    if (c === 60 || c === 39) this.unsupported('subroutine calls \\g<...>', at);
    let text: string;
    let termAt: number;
    if (c === 123) {
      const start = ++this.i;
      while (this.i < this.cps.length && this.cps[this.i] !== 125) this.i++;
      if (this.i >= this.cps.length) this.fail(ERR.gEsc);
      text = String.fromCodePoint(...this.cps.slice(start, this.i));
      termAt = this.i;
      this.i++;
    } else {
      const start = this.i;
      if (this.peek() === 45 || this.peek() === 43) this.i++;
      while (isDigit(this.peek())) this.i++;
      text = String.fromCodePoint(...this.cps.slice(start, this.i));
      termAt = this.i;
      if (!/^[-+]?\d+$/.test(text)) this.fail('\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number');
    }
    if (/^-\d+$/.test(text)) {
      const n = this.caps + 1 + Number(text);
      if (n <= 0) this.fail(ERR.noRef, termAt);
      this.numRef(n);
    } else if (/^\+?\d+$/.test(text)) {
      const n = Number(text);
      if (n === 0) this.fail(ERR.gEsc, termAt);
      this.numRef(n);
    } else {
      this.namedRef(text, termAt, termAt);
    }
    return 'atom';
  }

  private numRef(num: number): void {
    this.variableLength();
    const tok = { t: 'ref' as const, ids: [] as number[] };
    this.toks.push(tok);
    this.refs.push({ tok, num, pos: this.cps.length });
  }

  private namedRef(name: string, termAt: number, _start: number): void {
    this.variableLength();
    const tok = { t: 'ref' as const, ids: [] as number[] };
    this.toks.push(tok);
    this.refs.push({ tok, name, pos: termAt });
  }

  private resolveRefs(): void {
    this.resolveOwnRefs();
    // Copies were made before the originals were resolved (in order, so a
    // copy of a copy follows its source).
    for (const [orig, copy, remap] of this.copiedRefs) {
      copy.ids = orig.ids.map((id) => remap.get(id) ?? id);
    }
  }

  private resolveOwnRefs(): void {
    for (const r of this.refs) {
      if (r.num !== undefined) {
        if (r.num > this.caps) this.fail(ERR.noRef, r.pos);
        r.tok.ids.push(...this.capIds[r.num]!);
      } else {
        const ids = this.names.filter(([n]) => n === r.name).map(([, , id]) => id);
        if (ids.length === 0) this.fail(ERR.noRef, r.pos);
        r.tok.ids.push(...ids);
      }
    }
  }

}