/**
 * Character sets of OTP's PCRE (8.44, built with ISO-8859-1 character
 * tables), as code point ranges, and their emission as JS RegExp class text
 * (for a `u`-flag RegExp).
 *
 * Without the `ucp` option PCRE classifies characters below 256 with those
 * latin1 tables, in unicode mode too (so `\w` matches `é` but not `α`), and
 * nothing above 255 is a word character, digit or space. The sets below
 * were measured on OTP 25 (every byte against `\w`, `[[:alpha:]]`, ...).
 */

/** Inclusive code point ranges, sorted and disjoint. */
export type Ranges = Array<[number, number]>;

export const MAX_CP = 0x10ffff;

const LETTERS: Ranges = [[65, 90], [97, 122], [170, 170], [181, 181], [186, 186], [192, 214], [216, 246], [248, 255]];

export const DIGIT: Ranges = [[48, 57]];
export const SPACE: Ranges = [[9, 13], [32, 32]];
export const WORD: Ranges = normalize([...DIGIT, ...LETTERS, [95, 95]]);
export const HSPACE: Ranges = [
  [9, 9], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e], [0x2000, 0x200a],
  [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
];
export const VSPACE: Ranges = [[10, 13], [0x85, 0x85], [0x2028, 0x2029]];

/** `[:name:]` classes (latin1 tables). */
export const POSIX: ReadonlyMap<string, Ranges> = new Map<string, Ranges>([
  ['alpha', LETTERS],
  ['digit', DIGIT],
  ['alnum', normalize([...DIGIT, ...LETTERS])],
  ['upper', [[65, 90], [192, 214], [216, 222]]],
  ['lower', [[97, 122], [170, 170], [181, 181], [186, 186], [223, 246], [248, 255]]],
  ['space', SPACE],
  ['blank', [[9, 9], [32, 32]]],
  ['cntrl', [[0, 31], [127, 159]]],
  ['graph', [[33, 126], [160, 255]]],
  ['print', [[32, 126], [160, 255]]],
  ['punct', [[33, 47], [58, 64], [91, 96], [123, 126], [160, 169], [171, 180], [182, 185], [187, 191], [215, 215], [247, 247]]],
  ['xdigit', [[48, 57], [65, 70], [97, 102]]],
  ['word', WORD],
  ['ascii', [[0, 255]]],
]);

/** Sort and merge ranges. */
export function normalize(rs: Ranges): Ranges {
  const sorted = rs.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The complement of normalized ranges within 0..MAX_CP. */
export function complement(rs: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [a, b] of rs) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

/** One code point as JS RegExp text (safe inside and outside classes, `u` flag). */
export function cpText(c: number): string {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return String.fromCharCode(c);
  if (c <= 0xffff) return '\\u' + c.toString(16).padStart(4, '0');
  return `\\u{${c.toString(16)}}`;
}

/** The body of a JS class (without brackets) for ranges. */
export function rangesText(rs: Ranges): string {
  let s = '';
  for (const [a, b] of rs) s += a === b ? cpText(a) : b === a + 1 ? cpText(a) + cpText(b) : `${cpText(a)}-${cpText(b)}`;
  return s;
}

/** A whole JS class for ranges (an empty set never matches). */
export function classText(rs: Ranges): string {
  return rs.length === 0 ? '(?!)' : `[${rangesText(rs)}]`;
}

/**
 * The other-case variants of a code point under simple case folding, as the
 * caseless option of PCRE sees them (for case-insensitive regions that the
 * JS `i` flag cannot express). Limited to what JS case mapping yields.
 */
export function caseVariants(c: number): number[] {
  const s = String.fromCodePoint(c);
  const out = new Set<number>();
  for (const t of [s.toLowerCase(), s.toUpperCase()]) {
    const cps = [...t];
    if (cps.length === 1) out.add(cps[0]!.codePointAt(0)!);
  }
  out.delete(c);
  return [...out];
}

/** Ranges extended with the case variants of their members (small ranges only). */
export function withCaseVariants(rs: Ranges): Ranges {
  const extra: Ranges = [];
  for (const [a, b] of rs) {
    if (b - a > 0x3000) continue;
    for (let c = a; c <= b; c++) for (const v of caseVariants(c)) extra.push([v, v]);
  }
  return normalize([...rs, ...extra]);
}
