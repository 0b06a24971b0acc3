/**
 * Atom, integer and float conversions against erl, with their edge cases:
 * Unicode atom text (invalid UTF-8, surrogates, the 255-character limit),
 * integer text (signs, bases, blanks, bignums), float text (every
 * float_to_list option, the strict float syntax of list_to_float).
 */
import { describe, expect, it } from 'vitest';
import { erlangBifs } from '../../runtime/bifs/erlang.js';
import { atomExists, internAtom } from '../../runtime/bifs/atoms.js';
import { BitString, ErlFloat, NIL, charlist, list, type Term } from '../../runtime/terms/types.js';
import { FLOATS } from '../terms/corpus.js';
import { compareTable, pairs } from './harness.js';
import { toErlSource } from '../support/erl-source.js';

const f = (x: number): ErlFloat => new ErlFloat(x);
const bin = (bytes: number[]): BitString => new BitString(Uint8Array.from(bytes), bytes.length * 8);
const utf8 = (s: string): BitString => bin(Array.from(new TextEncoder().encode(s)));
const latin1 = (s: string): BitString => bin(Array.from(s, (c) => c.charCodeAt(0)));

const ATOMS: Term[] = ['', 'a', 'hello world', 'é', 'ÿ', '日本', '\u{1F600}', 'a'.repeat(255), '\u{1F600}'.repeat(255)];

describe('atom conversions against erl', () => {
  it('atom_to_list/1, atom_to_binary/1,2', async () => {
    const rows = [...ATOMS, 1, list([97])].map((a) => [a]);
    expect(await compareTable('erlang', 'atom_to_list', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'atom_to_binary', erlangBifs, rows)).toEqual([]);
    const encs: Term[] = ['latin1', 'utf8', 'unicode', 'utf16', 1];
    expect(await compareTable('erlang', 'atom_to_binary', erlangBifs, pairs([...ATOMS, 1], encs))).toEqual([]);
  });

  const TEXTS: Term[] = [
    NIL, charlist('abc'), charlist('é日\u{1F600}'), list([0]), list([0x10ffff]), list([0x110000]),
    list([0xd800]), list([0xdfff]), list([-1]), list([f(97)]), list(['a']), list([97], 98), 'abc',
    charlist('a'.repeat(255)), charlist('a'.repeat(256)), charlist('\u{1F600}'.repeat(256)),
    list([...Array(300).fill(97), -1]), list([bin([97])]), list([list([97])]),
  ];
  it('list_to_atom/1 (code points, no surrogates, at most 255)', async () => {
    expect(await compareTable('erlang', 'list_to_atom', erlangBifs, TEXTS.map((t) => [t]))).toEqual([]);
  });

  const BINS: Term[] = [
    bin([]), utf8('abc'), utf8('é日\u{1F600}'), bin([0xff]), bin([0xc3]), bin([0xc0, 0x80]), bin([0xed, 0xa0, 0x80]),
    bin([0xf4, 0x90, 0x80, 0x80]), bin([0xef, 0xbb, 0xbf, 0x61]), latin1('caf\u00e9'), utf8('a'.repeat(255)),
    utf8('a'.repeat(256)), utf8('é'.repeat(255)), utf8('é'.repeat(256)), latin1('\u00e9'.repeat(256)),
    utf8('\u{1F600}'.repeat(255)), utf8('\u{1F600}'.repeat(256)), new BitString(Uint8Array.of(0x80), 1),
    bin([0xff, ...Array(2000).fill(97)]), bin([0xff, ...Array(300).fill(97)]), bin([0xff, ...Array(1019).fill(97)]),
    bin([0xff, ...Array(1020).fill(97)]), bin(Array(1021).fill(97)), bin([...Array(255).fill(97), 0xff]),
    bin([0xe0, 0x80, 0x80]), bin([0xf0, 0x8f, 0xbf, 0xbf]), bin([0xf4, 0x8f, 0xbf, 0xbf]), bin([0xc2]), bin([0xe2, 0x82]),
    charlist('abc'), 'a',
  ];
  it('binary_to_atom/1,2 (strict UTF-8, latin1, limits)', async () => {
    expect(await compareTable('erlang', 'binary_to_atom', erlangBifs, BINS.map((b) => [b]))).toEqual([]);
    expect(await compareTable('erlang', 'binary_to_atom', erlangBifs, pairs(BINS, ['utf8', 'latin1', 'unicode', 'x']))).toEqual([]);
  });

  it('*_to_existing_atom: atoms that exist pass, others and over-long texts are badarg', async () => {
    for (const a of ['ok', 'hello_there', 'é日']) internAtom(a);
    expect(atomExists('no_such_atom_beamjs_xyz')).toBe(false);
    const rows: Term[][] = [
      [charlist('ok')], [charlist('hello_there')], [charlist('é日')], [charlist('no_such_atom_beamjs_xyz')],
      [charlist('a'.repeat(256))], [list([0xd800])], ['ok'],
    ];
    // erl creates the same atoms first.
    const touch = '_ = [ok, hello_there, list_to_atom([233,26085])]';
    const erlRows = rows.map((r) => ({ args: r, erl: `(fun() -> ${touch}, erlang:list_to_existing_atom(${toText(r[0]!)}) end)()` }));
    expect(await compareTable('erlang', 'list_to_existing_atom', erlangBifs, erlRows)).toEqual([]);
    // (erl's atom table outlives a test run: absent atoms must be ones no test creates.)
    const brows: Term[][] = [[utf8('ok')], [utf8('é日')], [utf8('no_such_atom_beamjs_xyz')], [utf8('a'.repeat(256))], [bin([0xff, 0x7e, 0x21, 0x42])]];
    const call = (args: Term[]) => `(fun() -> ${touch}, erlang:apply(erlang, binary_to_existing_atom, [${args.map(toErlSource).join(', ')}]) end)()`;
    expect(await compareTable('erlang', 'binary_to_existing_atom', erlangBifs, brows.map((args) => ({ args, erl: call(args) })))).toEqual([]);
    const lrows = brows.map(([b]) => [b!, 'latin1']);
    expect(await compareTable('erlang', 'binary_to_existing_atom', erlangBifs, lrows.map((args) => ({ args, erl: call(args) })))).toEqual([]);
  });
});

/** Erlang text of a char list (numbers, so any code point survives). */
function toText(t: Term): string {
  const items: string[] = [];
  let x = t;
  while (x instanceof Object && 'hd' in x) {
    items.push(String((x as { hd: Term }).hd));
    x = (x as { tl: Term }).tl;
  }
  return typeof x === 'string' ? `'${x}'` : `[${items.join(',')}]`;
}

const INTS: Term[] = [0, 1, -1, 42, 255, -255, 2 ** 53 - 1, 2n ** 53n, -(2n ** 64n) - 1n, 10n ** 40n, f(1), 'a'];
const BASES: Term[] = [2, 8, 10, 16, 36, 1, 37, 0, 2n ** 64n, f(10)];

describe('integer conversions against erl', () => {
  it('integer_to_list/1,2 and integer_to_binary/1,2', async () => {
    const rows = INTS.map((i) => [i]);
    expect(await compareTable('erlang', 'integer_to_list', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'integer_to_binary', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'integer_to_list', erlangBifs, pairs(INTS, BASES))).toEqual([]);
    expect(await compareTable('erlang', 'integer_to_binary', erlangBifs, pairs(INTS, BASES))).toEqual([]);
  });

  const TEXTS = [
    '0', '1', '-1', '+1', '-0', '+0', '007', '', '-', '+', ' 1', '1 ', '1e10', '1.0', '0x10', 'ff', 'FF', 'zZ',
    '123456789012345678901234567890', '-123456789012345678901234567890', '9007199254740993', '--1', '+-1',
    '1_000', 'Z'.repeat(40), '1'.repeat(200),
  ];
  it(`list_to_integer/1,2 and binary_to_integer/1,2 over ${TEXTS.length} texts × bases`, async () => {
    const odd = [[0x131], [0x661], [-207], [0x100000061], [45, 0x131], [0x12b, 49], [0x161], [2n ** 58n + 0x61n], [2n ** 60n + 0x61n], [0x2b]];
    const lists: Term[] = [...TEXTS.map(charlist), ...odd.map((l) => list(l)), list([49], 50), 'a', bin([49])];
    const bins: Term[] = [...TEXTS.map(latin1), charlist('1'), new BitString(Uint8Array.of(0x31, 0x80), 9)];
    expect(await compareTable('erlang', 'list_to_integer', erlangBifs, lists.map((l) => [l]))).toEqual([]);
    expect(await compareTable('erlang', 'binary_to_integer', erlangBifs, bins.map((b) => [b]))).toEqual([]);
    expect(await compareTable('erlang', 'list_to_integer', erlangBifs, pairs(lists, BASES))).toEqual([]);
    expect(await compareTable('erlang', 'binary_to_integer', erlangBifs, pairs(bins, BASES))).toEqual([]);
  });
});

const OPTIONS: Term[] = [
  NIL, list(['short']), list(['compact']), list([['decimals', 0]]), list([['decimals', 2]]), list([['decimals', 4], 'compact']),
  list([['decimals', 18]]), list([['decimals', 19]]), list([['decimals', 20], 'compact']), list([['decimals', 253]]),
  list([['decimals', 254]]), list([['decimals', -1]]), list([['decimals', 2 ** 32 + 3]]), list([['decimals', 2 ** 31]]),
  list([['decimals', 2n ** 59n]]), list([['scientific', 0]]), list([['scientific', 3]]), list([['scientific', 249]]),
  list([['scientific', 250]]), list([['scientific', -1]]), list([['scientific', 2 ** 31]]), list(['compact', ['scientific', 3]]),
  list([['decimals', 3], 'short']), list(['short', ['decimals', 3]]), list([['decimals', 3], ['scientific', 2]]),
  list([['scientific', 3]], 'x'), list(['bogus']), list([['decimals', f(1)]]), list([['decimals', 1, 2]]), 'short',
];
const VALUES: Term[] = [
  ...FLOATS, f(0.125), f(0.375), f(2.675), f(-0.001), f(0.5), f(2.5), f(-2.5), f(1e15 + 0.3), f(0.999), f(0.9999),
  f(123), f(1e20), f(1e230), f(1e254), f(1e253), f(-1e253), f(9007199254740993), f(4503599627370496.5), 1, 'a',
];

describe('float conversions against erl', () => {
  it(`float_to_list/1 and float_to_binary/1 over ${VALUES.length} values`, async () => {
    const rows = VALUES.map((x) => [x]);
    expect(await compareTable('erlang', 'float_to_list', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'float_to_binary', erlangBifs, rows)).toEqual([]);
  });

  it(`float_to_list/2 over ${VALUES.length * OPTIONS.length} value × option pairs`, async () => {
    expect(await compareTable('erlang', 'float_to_list', erlangBifs, pairs(VALUES, OPTIONS))).toEqual([]);
  });

  it('float_to_binary/2 agrees too', async () => {
    expect(await compareTable('erlang', 'float_to_binary', erlangBifs, pairs(VALUES.slice(0, 20), OPTIONS))).toEqual([]);
  });

  const FLOAT_TEXTS = [
    '1.5', '-1.5', '+1.5', '1,5', '1.', '.5', '1', '1e5', '1.5e', '1.5e+', '1.5E3', '1.5e-3', '1.5e+3', ' 1.5',
    '1.5 ', '01.50', '1.5e-0', '1.5ee', '1.0e-400', '1.5e400', '1.5\u0000abc', '1.5e3.0', '0.0', '-0.0',
    '2.2250738585072014e-308', '4.9e-324', '1.7976931348623157e308', '1.7976931348623159e308', '0.1e1', 'inf', 'nan',
    '123456789012345678901234567890.5', '1.' + '0'.repeat(400) + '1',
  ];
  it(`list_to_float/1 and binary_to_float/1 over ${FLOAT_TEXTS.length} texts`, async () => {
    const lists: Term[] = [...FLOAT_TEXTS.map(charlist), list([49, 46, 53, 256]), list([49, 46], 53), 'a'];
    const bins: Term[] = [...FLOAT_TEXTS.map(latin1), bin([]), new BitString(Uint8Array.of(0x31, 0x2e, 0x35, 0x80), 25)];
    expect(await compareTable('erlang', 'list_to_float', erlangBifs, lists.map((l) => [l]))).toEqual([]);
    expect(await compareTable('erlang', 'binary_to_float', erlangBifs, bins.map((b) => [b]))).toEqual([]);
  });
});
