/**
 * The lexical half of the PCRE translator (./re-translate.ts): shared
 * option and error types, PCRE's compile error texts, and the parsing of
 * escapes, character classes, POSIX classes and Unicode properties into
 * JS RegExp class text (PCRE 8.44 syntax, latin1 character tables: see
 * ./re-charsets.ts).
 */
import {
  DIGIT, HSPACE, POSIX, SPACE, VSPACE, WORD, complement, normalize, rangesText,
  withCaseVariants, type Ranges,
} from './re-charsets.js';

export type Newline = 'lf' | 'cr' | 'crlf' | 'any' | 'anycrlf';

export interface CompileOptions {
  caseless: boolean;
  multiline: boolean;
  dotall: boolean;
  extended: boolean;
  ungreedy: boolean;
  dollarEndonly: boolean;
  noAutoCapture: boolean;
  dupnames: boolean;
  unicode: boolean;
  ucp: boolean;
  newline: Newline;
  bsrAnycrlf: boolean;
}

/** A compile error: PCRE's message text and the byte offset it reports. */
export class PcreCompileError {
  constructor(
    public readonly message: string,
    public readonly offset: number,
  ) {}
}

export interface Inline {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
  U: boolean;
}

export const ERR = {
  missingParen: 'missing )',
  unmatched: 'unmatched parentheses',
  nothing: 'nothing to repeat',
  backslashEnd: '\\ at end of pattern',
  missingBracket: 'missing terminating ] for character class',
  order: 'numbers out of order in {} quantifier',
  tooBig: 'number too big in {} quantifier',
  rangeOrder: 'range out of order in character class',
  noRef: 'reference to non-existent subpattern',
  dupName: 'two named subpatterns have the same name',
  digitName: 'group name must start with a non-digit',
  nameTerm: 'syntax error in subpattern name (missing terminator)',
  afterParen: 'unrecognized character after (? or (?-',
  posix: 'unknown POSIX class name',
  collating: 'POSIX collating elements are not supported',
  verb: '(*VERB) not recognized or malformed',
  caseEsc: 'PCRE does not support \\L, \\l, \\N{name}, \\U, or \\u',
  gEsc: 'a numbered reference must not be zero',
  kEsc: '\\k is not followed by a braced, angle-bracketed, or quoted name',
  cEsc: '\\c must be followed by an ASCII character',
  tooLarge: 'character value in \\x{} or \\o{} is too large',
  prop: 'unknown property name after \\P or \\p',
  malformedProp: 'malformed \\P or \\p sequence',
  comment: 'missing ) after comment',
} as const;

export const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;
export const isWordCh = (c: number | undefined): boolean =>
  c !== undefined && (isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
export const isSpaceX = (c: number | undefined): boolean => c !== undefined && ((c >= 9 && c <= 13) || c === 32);

export const UCP_WORD = '\\p{L}\\p{N}_';

/** A class under construction: code point ranges plus property escapes. */
export interface ClassAcc {
  ranges: Ranges;
  pos: string[];
  neg: string[];
}

/** Parser state and the escape / class parsing the translator builds on. */
export abstract class Scanner {
  protected i = 0;
  protected cur: Inline;
  /** The whole pattern is caseless (the JS `i` flag). */
  protected globalI: boolean;
  protected ucp: boolean;
  protected newline: Newline;
  protected bsrAnycrlf: boolean;
  protected dupnames: boolean;
  /** Open lookbehinds: whether something of variable length was seen inside. */
  protected lookbehinds: boolean[] = [];

  constructor(
    protected readonly cps: readonly number[],
    protected readonly offsets: readonly number[],
    protected readonly opts: CompileOptions,
  ) {
    this.cur = { i: opts.caseless, m: opts.multiline, s: opts.dotall, x: opts.extended, U: opts.ungreedy };
    this.globalI = opts.caseless;
    this.ucp = opts.ucp;
    this.newline = opts.newline;
    this.bsrAnycrlf = opts.bsrAnycrlf;
    this.dupnames = opts.dupnames;
  }

  protected fail(message: string, at: number = this.i): never {
    throw new PcreCompileError(message, this.offsets[Math.min(at, this.cps.length)]!);
  }

  protected unsupported(what: string, at: number = this.i): never {
    this.fail(`beamjs does not support ${what}`, at);
  }

  protected peek(k = 0): number | undefined {
    return this.cps[this.i + k];
  }

  protected lookingAt(s: string): boolean {
    for (let k = 0; k < s.length; k++) if (this.cps[this.i + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  /** `(*CR)`, `(*UCP)`, ... at the start of the pattern. */
  protected leadingVerbs(): void {
    const table: Record<string, () => void> = {
      CR: () => (this.newline = 'cr'), LF: () => (this.newline = 'lf'), CRLF: () => (this.newline = 'crlf'),
      ANYCRLF: () => (this.newline = 'anycrlf'), ANY: () => (this.newline = 'any'),
      BSR_ANYCRLF: () => (this.bsrAnycrlf = true), BSR_UNICODE: () => (this.bsrAnycrlf = false),
      UCP: () => (this.ucp = true), UTF8: () => undefined, UTF: () => undefined,
      NO_START_OPT: () => undefined, NO_AUTO_POSSESS: () => undefined,
    };
    while (this.lookingAt('(*')) {
      let j = this.i + 2;
      let name = '';
      while (j < this.cps.length && this.cps[j] !== 41) name += String.fromCodePoint(this.cps[j++]!);
      const f = table[name] ?? (/^LIMIT_(MATCH|RECURSION)=\d+$/.test(name) ? () => undefined : undefined);
      if (f === undefined) return;
      f();
      this.i = j + 1;
    }
  }

  /** Skip white space and `#` comments in extended mode. */
  protected skipExtended(): void {
    if (!this.cur.x) return;
    for (;;) {
      const c = this.peek();
      if (isSpaceX(c)) this.i++;
      else if (c === 35) {
        while (this.i < this.cps.length && this.cps[this.i] !== 10 && this.cps[this.i] !== 13) this.i++;
      } else return;
    }
  }

  /** Is a quantifier at the current position? (`{` only when well formed.) */
  protected quantifierAhead(): boolean {
    const c = this.peek();
    if (c === 42 || c === 43 || c === 63) return true;
    return c === 123 && this.braceQuantifierEnd() !== undefined;
  }

  /** The index after a well-formed `{n}`, `{n,}` or `{n,m}` at i, else undefined. */
  protected braceQuantifierEnd(): number | undefined {
    let j = this.i + 1;
    if (!isDigit(this.cps[j])) return undefined;
    while (isDigit(this.cps[j])) j++;
    if (this.cps[j] === 125) return j + 1;
    if (this.cps[j] !== 44) return undefined;
    j++;
    while (isDigit(this.cps[j])) j++;
    return this.cps[j] === 125 ? j + 1 : undefined;
  }

  protected quantifier(): { text: string; lazy: boolean; possessive: boolean } {
    const c = this.peek()!;
    let text: string;
    if (c === 123) {
      const end = this.braceQuantifierEnd()!;
      const body = String.fromCodePoint(...this.cps.slice(this.i + 1, end - 1));
      const [lo, hi] = body.split(',');
      const min = Number(lo);
      const max = hi === undefined ? min : hi === '' ? Infinity : Number(hi);
      if (min > 65535 || (max !== Infinity && max > 65535)) this.fail(ERR.tooBig, end - 1);
      if (max < min) this.fail(ERR.order, end - 1);
      if (max !== min) this.variableLength();
      text = `{${body}}`;
      this.i = end;
    } else {
      text = String.fromCharCode(c);
      this.i++;
      this.variableLength();
    }
    let lazy = this.cur.U;
    let possessive = false;
    if (this.peek() === 63) {
      lazy = !lazy;
      this.i++;
    } else if (this.peek() === 43) {
      possessive = true;
      lazy = false;
      this.i++;
    }
    return { text, lazy, possessive };
  }

  /** A quantifier or back reference of variable length: not allowed in lookbehinds. */
  protected variableLength(): void {
    if (this.lookbehinds.length > 0) this.lookbehinds[this.lookbehinds.length - 1] = true;
  }


  /** The set of `\d \D \w \W \s \S \h \H \v \V \p \P` as a class part. */
  protected escapeClass(ch: string): ClassAcc | undefined {
    const r = (ranges: Ranges): ClassAcc => ({ ranges, pos: [], neg: [] });
    const u = this.ucp;
    switch (ch) {
      case 'd': return u ? { ranges: [], pos: ['\\p{Nd}'], neg: [] } : r(DIGIT);
      case 'D': return u ? { ranges: [], pos: ['\\P{Nd}'], neg: [] } : r(complement(DIGIT));
      case 'w': return u ? { ranges: [], pos: [UCP_WORD], neg: [] } : r(WORD);
      case 'W': return u ? { ranges: [], pos: [], neg: [UCP_WORD] } : r(complement(WORD));
      case 's': return u ? { ranges: normalize([...SPACE, ...HSPACE, ...VSPACE]), pos: ['\\p{Z}'], neg: [] } : r(SPACE);
      case 'S': return u ? { ranges: [], pos: [], neg: ['\\p{Z}' + rangesText(normalize([...SPACE, ...HSPACE, ...VSPACE]))] } : r(complement(SPACE));
      case 'h': return r(HSPACE);
      case 'H': return r(complement(HSPACE));
      case 'v': return r(VSPACE);
      case 'V': return r(complement(VSPACE));
      case 'p': case 'P': return this.property(ch === 'P');
      default: return undefined;
    }
  }

  /** `\p{Name}`, `\pL`, `\p{^Name}` (after the p/P). */
  protected property(negated: boolean): ClassAcc {
    let name: string;
    if (this.peek() === 123) {
      const start = ++this.i;
      while (this.i < this.cps.length && this.cps[this.i] !== 125) this.i++;
      if (this.i >= this.cps.length) this.fail(ERR.malformedProp);
      name = String.fromCodePoint(...this.cps.slice(start, this.i));
      this.i++;
    } else {
      const c = this.peek();
      if (c === undefined) this.fail(ERR.malformedProp);
      name = String.fromCodePoint(c);
      this.i++;
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    const body = propertyBody(name.replace(/[ _-]/g, ''));
    if (body === undefined) this.fail(ERR.prop);
    return negated ? { ranges: [], pos: [], neg: [body] } : { ranges: [], pos: [body], neg: [] };
  }

  /**
   * A single-character escape at i (which is at the character after `\`):
   * returns its code point and advances. Shared by classes.
   */
  protected charEscape(): number {
    const c = this.cps[this.i++]!;
    const ch = String.fromCodePoint(c);
    switch (ch) {
      case 'a': return 7;
      case 'e': return 27;
      case 'f': return 12;
      case 'n': return 10;
      case 'r': return 13;
      case 't': return 9;
      case 'c': {
        const x = this.peek();
        if (x === undefined) this.fail(ERR.backslashEnd, this.cps.length);
        if (x > 127) this.fail(ERR.cEsc);
        this.i++;
        return (x >= 97 && x <= 122 ? x - 32 : x) ^ 0x40;
      }
      case 'x': return this.hexEscape();
      case 'o': return this.braced(8);
      default:
        if (c >= 48 && c <= 55) return this.octal(c);
        return c;
    }
  }

  protected hexEscape(): number {
    if (this.peek() === 123) return this.braced(16);
    let v = 0;
    for (let k = 0; k < 2 && /[0-9a-fA-F]/.test(String.fromCodePoint(this.peek() ?? 0)); k++) {
      v = v * 16 + parseInt(String.fromCodePoint(this.cps[this.i++]!), 16);
    }
    return v;
  }

  protected braced(radix: 8 | 16): number {
    const start = ++this.i;
    const re = radix === 16 ? /[0-9a-fA-F]/ : /[0-7]/;
    while (this.i < this.cps.length && re.test(String.fromCodePoint(this.cps[this.i]!))) this.i++;
    if (this.peek() !== 125 || this.i === start) {
      if (radix === 8) this.fail('\\o{ is missing');
      this.i = start - 1;
      return 120;
    }
    const v = parseInt(String.fromCodePoint(...this.cps.slice(start, this.i)), radix);
    this.i++;
    if (v > (this.opts.unicode ? 0x10ffff : 0xff) || (this.opts.unicode && v >= 0xd800 && v <= 0xdfff)) {
      this.fail(ERR.tooLarge, this.i - 1);
    }
    return v;
  }

  /** Up to three octal digits (the first already consumed). */
  protected octal(first: number): number {
    let v = first - 48;
    for (let k = 0; k < 2 && this.peek() !== undefined && this.peek()! >= 48 && this.peek()! <= 55; k++) {
      v = v * 8 + this.cps[this.i++]! - 48;
    }
    return this.opts.unicode ? v : v & 0xff;
  }

  // ---- character classes -----------------------------------------------------

  protected charClass(): string {
    this.i++;
    let negated = false;
    if (this.peek() === 94) {
      negated = true;
      this.i++;
    }
    const acc: ClassAcc = { ranges: [], pos: [], neg: [] };
    let first = true;
    for (;;) {
      const c = this.peek();
      if (c === undefined) this.fail(ERR.missingBracket, this.cps.length);
      if (c === 93 && !first) {
        this.i++;
        break;
      }
      first = false;
      if (c === 91 && this.posixClass(acc)) continue;
      const lo = this.classChar(acc);
      if (lo === undefined) continue;
      if (this.peek() === 45 && this.peek(1) !== 93 && this.peek(1) !== undefined) {
        const save = this.i;
        this.i++;
        const hiAt = this.i;
        const hi = this.classChar(undefined);
        if (hi === undefined) {
          this.i = save;
          acc.ranges.push([lo, lo]);
          continue;
        }
        if (hi < lo) this.fail(ERR.rangeOrder, hiAt);
        acc.ranges.push([lo, hi]);
        continue;
      }
      acc.ranges.push([lo, lo]);
    }
    return this.classOut(acc, negated);
  }

  /**
   * One class member: a character (returned) or a set escape (added to acc,
   * undefined returned). With acc undefined (a range's upper end) a set
   * escape is not consumed.
   */
  protected classChar(acc: ClassAcc | undefined): number | undefined {
    const c = this.cps[this.i]!;
    if (c !== 92) {
      this.i++;
      return c;
    }
    const e = this.cps[this.i + 1];
    if (e === undefined) this.fail(ERR.backslashEnd, this.cps.length);
    const ch = String.fromCodePoint(e);
    if ('dDwWsShHvVpP'.includes(ch)) {
      if (acc === undefined) return undefined;
      this.i += 2;
      const set = this.escapeClass(ch)!;
      acc.ranges.push(...set.ranges);
      acc.pos.push(...set.pos);
      acc.neg.push(...set.neg);
      return undefined;
    }
    if (ch === 'Q') {
      if (acc === undefined) return undefined;
      this.i += 2;
      while (this.i < this.cps.length && !(this.cps[this.i] === 92 && this.cps[this.i + 1] === 69)) {
        const q = this.cps[this.i++]!;
        acc.ranges.push([q, q]);
      }
      this.i += 2;
      return undefined;
    }
    if (ch === 'E') {
      if (acc === undefined) return undefined;
      this.i += 2;
      return undefined;
    }
    if (ch === 'b') {
      this.i += 2;
      return 8;
    }
    if (ch === 'L' || ch === 'l' || ch === 'U' || ch === 'u') this.fail(ERR.caseEsc, this.i + 1);
    this.i++;
    return this.charEscape();
  }

  /** `[:name:]` / `[:^name:]`; false when the `[` does not start one. */
  protected posixClass(acc: ClassAcc): boolean {
    const k = this.peek(1);
    if (k !== 58 && k !== 46 && k !== 61) return false;
    let j = this.i + 2;
    while (j < this.cps.length && this.cps[j] !== 93 && !(this.cps[j] === k && this.cps[j + 1] === 93)) j++;
    if (this.cps[j] !== k || this.cps[j + 1] !== 93) return false;
    if (k !== 58) this.fail(ERR.collating);
    let name = String.fromCodePoint(...this.cps.slice(this.i + 2, j));
    const neg = name.startsWith('^');
    if (neg) name = name.slice(1);
    let set = POSIX.get(name);
    if (set === undefined) this.fail(ERR.posix, this.i + 2);
    if (this.ucp && (name === 'alpha' || name === 'alnum' || name === 'word' || name === 'digit' || name === 'space' || name === 'upper' || name === 'lower')) {
      const body = { alpha: '\\p{L}', alnum: '\\p{L}\\p{N}', word: UCP_WORD, digit: '\\p{Nd}', space: '\\p{Z}\\t\\n\\v\\f\\r', upper: '\\p{Lu}', lower: '\\p{Ll}' }[name];
      (neg ? acc.neg : acc.pos).push(body);
    } else {
      if (neg) set = complement(set);
      acc.ranges.push(...set);
    }
    this.i = j + 2;
    return true;
  }

  protected classOut(acc: ClassAcc, negated: boolean): string {
    let ranges = normalize(acc.ranges);
    if (this.cur.i && !this.globalI) ranges = withCaseVariants(ranges);
    let pos = acc.pos.join('');
    if (acc.neg.length > 0) {
      const simple = acc.neg.every((n) => /^\\p\{[^}]+\}$/.test(n));
      if (simple) pos += acc.neg.map((n) => '\\P' + n.slice(2)).join('');
      else if (ranges.length === 0 && acc.pos.length === 0 && acc.neg.length === 1) {
        return negated ? `[${acc.neg[0]}]` : `[^${acc.neg[0]}]`;
      } else this.unsupported('a negated Unicode property set combined with other class members');
    }
    const body = rangesText(ranges) + pos;
    if (body === '') return negated ? '[\\s\\S]' : '(?!)';
    return negated ? `[^${body}]` : `[${body}]`;
  }
}

const CATEGORIES = new Set([
  'C', 'Cc', 'Cf', 'Cn', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl',
  'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs',
]);

/** The class body for a PCRE property name, or undefined when unknown. */
function propertyBody(name: string): string | undefined {
  if (CATEGORIES.has(name)) return `\\p{${name}}`;
  switch (name) {
    case 'Any': return '\\s\\S';
    case 'L&': return '\\p{Lu}\\p{Ll}\\p{Lt}';
    case 'Xan': return '\\p{L}\\p{N}';
    case 'Xwd': return UCP_WORD;
    case 'Xsp': case 'Xps': return '\\p{Z}\\t\\n\\v\\f\\r';
  }
  if (!/^[A-Za-z]+$/.test(name)) return undefined;
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return `\\p{Script=${name}}`;
  } catch {
    return undefined;
  }
}
