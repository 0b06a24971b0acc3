/**
 * unicode:characters_to_binary/2, characters_to_list/2 and bin_is_7bit/1
 * against erl, for every encoding: valid, invalid and truncated input, the
 * exact `{error, Converted, Rest}` / `{incomplete, Converted, Rest}` shapes,
 * and badarg. Fixed tables plus random chardata.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unicodeBifs } from '../../runtime/bifs/unicode.js';
import { phash2 } from '../../runtime/terms/hash.js';
import { BitString, Cons, ErlFloat, NIL, list, type Term } from '../../runtime/terms/types.js';
import { compareTable, pairs, type Post } from './harness.js';
import { toErlSource } from '../support/erl-source.js';

const b = (...bytes: number[]): BitString => new BitString(Uint8Array.from(bytes), bytes.length * 8);
const u8 = (text: string): BitString => b(...new TextEncoder().encode(text));
const str = (text: string): Term => list(Array.from(text, (c) => c.codePointAt(0)!));
const bits = (bytes: number[], extra: number): BitString => new BitString(Uint8Array.from([...bytes, 0]), bytes.length * 8 + extra);

const ENCODINGS: Term[] = [
  'latin1', 'unicode', 'utf8', 'utf16', ['utf16', 'big'], ['utf16', 'little'], 'utf32', ['utf32', 'big'], ['utf32', 'little'],
];
const BAD_ENCODINGS: Term[] = ['foo', ['utf8', 'big'], ['utf16', 'middle'], ['utf16'], 1];

const DATA: Term[] = [
  NIL, str('abc'), str('héllo ☃ 😀'), list([0x7f, 0x80, 0xff, 0x100, 0x7ff, 0x800, 0xffff, 0x10000, 0x10ffff]),
  list([65, 0x110000]), list([65, 0xd800, 66]), list([0xdfff]), list([-1]), list([256, 1]), list([65, 2 ** 40]),
  list([2n ** 59n - 1n, 'a']), list([2n ** 59n, 'a']), list([-(2n ** 59n) - 1n, 'a']), list([2n ** 100n]),
  list([1, 2, 2n ** 60n, new ErlFloat(3)]), list([list([2n ** 60n]), new ErlFloat(3)]), list([new ErlFloat(3), list([2n ** 60n])]),
  list([2n ** 60n], 'a'), list([u8('a')], 2n ** 60n),
  u8('plain ascii'), u8('héllo'), b(0xff), b(0xe2, 0x82), b(0xc0), b(0xc1, 0x81), b(0xf5), b(0xf8), b(0xe0, 0x80),
  b(0x61, 0xe2, 0x41), b(0xed, 0xa0, 0x80), b(0xf4, 0x90, 0x80, 0x80), b(0xf0, 0x80, 0x80, 0x80), b(0xf0, 0x9f, 0x98),
  b(0x61, 0xe0, 0x80), b(0x80), b(0xe2, 0x82, 0xac, 0xe2),
  list([u8('a'), b(0xe2, 0x82)]), list([b(0xe2), b(0x82)]), list([b(0xe2), b(0x82), b(0xac)]), list([b(0xe2), 65]),
  list([b(0xe2), b(0x41)]), list([1, list([2, list([b(0xe2), 65]), 3]), 4]), list([1], b(0xff)), list([1, list([2], b(0xff)), 3]),
  list([b(0xe2)], b(0x82, 0xac)), list([list([b(0xe2)]), list([b(0x82, 0xac)])]), list([b(0xe2), NIL, b(), b(0x82, 0xac)]),
  list([b(0xf0), b(0x9f), b(0x98), b(0x80)]), list([b(0xf0), b(0x9f), 1]), list([b(0xf0, 0x9f), b(0x41, 0x42)]),
  list([b(0xff)]), list([u8('ok'), b(0xff)]), list([b(0xe2, 0x82)]),
  b(0, 65), b(0, 65, 0), b(0xd8, 0, 0xdc, 0), b(0xd8, 0, 0, 65), b(0xdc, 0), b(0xd8), b(0xdc), b(0xd8, 0, 0xdc),
  b(0, 0xd8), b(65, 0), b(0, 0xd8, 0, 0xdc), b(0, 0, 0, 65), b(0, 0, 0xd8, 0), b(0, 0x11, 0, 0), b(0, 0, 0), b(0, 0),
  b(0, 0x10, 0xd8), b(0xfe, 0xff, 0), b(0xff, 0xff, 0), b(65, 0, 0), b(0, 0xd8, 0), b(0x41, 0, 0, 0),
  list([b(0xd8), b(0, 0xdc), b(0)]), list([b(0xd8, 0), b(0, 65)]), list([b(0, 0), b(0, 65)]), list([b(0), 65]),
  list([b(0, 0, 0), b(65, 0, 0, 0, 66)]), list([b(0xd8, 0)], b(0xdc, 0)), list([b(0xd8, 0)], b(0xdc)), list([list([b(0)]), b(65)]),
  list([b(0xd8, 0), list([b(0xdc)]), b(0), 1]), list([65, list([b(0, 66)], b(0))]),
  'a', 5, new ErlFloat(1), bits([1], 3), list([bits([1], 3)]), list(['a']), list([new ErlFloat(1)]), list([1], 'a'),
  list([NIL], 2n ** 60n), list([65, bits([], 2)]), new Cons(65, 66), [str('a')],
];

/**
 * Large results are compared through digests: `Converted` as its size and
 * phash2, the rest term with each binary as its size and phash2.
 */
const digests: Post = {
  erl: 'fun(X) -> D = fun(Y) when is_binary(Y) -> {bin, byte_size(Y), erlang:phash2(Y)}; ' +
    '(Y) when is_list(Y) -> {list, length(Y), erlang:phash2(Y)}; (Y) -> Y end, ' +
    'S = fun S(Y) when is_binary(Y) -> D(Y); S([H|T]) -> [S(H)|S(T)]; S(Y) -> Y end, ' +
    'case X of {T, C, R} -> {T, D(C), S(R)}; _ -> D(X) end end',
  js: (x) => {
    const d = (y: Term): Term => {
      if (y instanceof BitString && (y.bitSize & 7) === 0) return ['bin', y.bytes.length, phash2(y)];
      if (y === NIL || y instanceof Cons) {
        let n = 0;
        for (let l = y; l instanceof Cons; l = l.tl) n++;
        return ['list', n, phash2(y)];
      }
      return y;
    };
    const s = (y: Term): Term => (y instanceof Cons ? new Cons(s(y.hd), s(y.tl)) : y === NIL ? y : d(y));
    return Array.isArray(x) && x.length === 3 ? [x[0]!, d(x[1]!), s(x[2]!)] : d(x);
  },
};

describe('unicode BIFs against erl', () => {
  const rows = pairs(DATA, [...ENCODINGS, ...BAD_ENCODINGS]);
  it(`characters_to_binary/2 over ${rows.length} data × encodings`, async () => {
    expect(await compareTable('unicode', 'characters_to_binary', unicodeBifs, rows)).toEqual([]);
  });

  it(`characters_to_list/2 over ${rows.length} data × encodings`, async () => {
    expect(await compareTable('unicode', 'characters_to_list', unicodeBifs, rows)).toEqual([]);
  });

  it('binaries beyond 8192 bytes: where UTF-16/32 errors and truncations land', async () => {
    // Built on both sides from a description: [repeat of <<0,65>>, then extra bytes].
    type Big = { pairs: number; extra: number[] };
    const ours = (d: Big): BitString => b(...Array.from({ length: d.pairs * 2 }, (_, i) => (i & 1 ? 65 : 0)), ...d.extra);
    const theirs = (d: Big): string => `list_to_binary([lists:duplicate(${d.pairs}, [0,65]), ${JSON.stringify(d.extra)}])`;
    const cases: { args: Term; erl: string }[] = [];
    const one = (d: Big): void => void cases.push({ args: ours(d), erl: theirs(d) });
    const listed = (d: Big, more: Term, moreErl: string): void =>
      void cases.push({ args: list([ours(d), more]), erl: `[${theirs(d)}, ${moreErl}]` });
    one({ pairs: 4500, extra: [0xdc, 0] });
    one({ pairs: 4095, extra: [0xd8, 0, 0xdc, 0, 0, 66] });
    one({ pairs: 4096, extra: [0xd8] });
    one({ pairs: 4095, extra: [0xe2, 0x82, 0xac, 0xff] });
    listed({ pairs: 4095, extra: [0] }, b(0xdc, 0), '<<16#dc,0>>');
    listed({ pairs: 5000, extra: [0xd8, 0] }, 65, '65');
    listed({ pairs: 4097, extra: [] }, list([b(0xe2), 65]), '[<<16#e2>>, 65]');
    // Large enough for BEAM to convert in several slices (it traps between them).
    listed({ pairs: 60000, extra: [0xc3] }, list([b(0xa9, 0xff), 65]), '[<<16#a9, 16#ff>>, 65]');
    const many = (n: number, tail: Term[]): Term => list([...Array<Term>(n).fill(65), ...tail]);
    cases.push({ args: many(70000, [-1, 66]), erl: 'lists:duplicate(70000, 65) ++ [-1, 66]' });
    cases.push({ args: list([many(70000, []), list([300])]), erl: '[lists:duplicate(70000, 65), [300]]' });
    cases.push({ args: list([many(50000, [b(0xe2)]), b(0x82), 66]), erl: '[lists:duplicate(50000, 65) ++ [<<16#e2>>], <<16#82>>, 66]' });
    for (const fn of ['characters_to_binary', 'characters_to_list']) {
      const rows = cases.flatMap((c) =>
        ENCODINGS.map((e) => ({ args: [c.args, e], erl: `unicode:${fn}(${c.erl}, ${toErlSource(e)})` })));
      expect(await compareTable('unicode', fn, unicodeBifs, rows, digests)).toEqual([]);
    }
  });

  it('bin_is_7bit/1', async () => {
    const r = [b(), u8('abc'), b(0x7f), b(0x80), b(1, 2, 0xff), bits([1], 1), bits([], 3), 'a', str('abc'), 5];
    expect(await compareTable('unicode', 'bin_is_7bit', unicodeBifs, r.map((x) => [x]))).toEqual([]);
  });

  /** Chardata built from fragments that often meet in the middle of a character. */
  const arbChar: fc.Arbitrary<Term> = fc.oneof(
    fc.integer({ min: 0, max: 0x7f }),
    fc.integer({ min: 0x80, max: 0x10ffff }),
    fc.constantFrom<Term>(0xd800, 0xdfff, 0x110000, -1, 255, 256, 2n ** 59n, 2n ** 64n),
  );
  const arbBin: fc.Arbitrary<Term> = fc.oneof(
    fc.uint8Array({ maxLength: 6 }).map((x) => b(...x)),
    fc.array(fc.constantFrom(0, 0x41, 0x80, 0x82, 0xac, 0xc3, 0xa9, 0xd8, 0xdc, 0xe2, 0xf0, 0x9f, 0xff), { maxLength: 5 })
      .map((x) => b(...x)),
    fc.string({ unit: 'grapheme', maxLength: 3 }).map(u8),
  );
  const arbData: fc.Arbitrary<Term> = fc.letrec<{ data: Term }>((tie) => ({
    data: fc.oneof(
      { depthSize: 'small' },
      { arbitrary: arbBin, weight: 2 },
      {
        arbitrary: fc.tuple(
          fc.array(fc.oneof({ arbitrary: arbChar, weight: 2 }, { arbitrary: arbBin, weight: 2 }, { arbitrary: tie('data'), weight: 1 }), { maxLength: 5 }),
          fc.oneof({ arbitrary: fc.constant<Term>(NIL), weight: 5 }, { arbitrary: arbBin, weight: 1 }),
        ).map(([xs, tl]) => list(xs, tl)),
        weight: 5,
      },
    ),
  })).data;

  it('random chardata in every encoding', async () => {
    const data = fc.sample(arbData, { numRuns: 250, seed: 4242 });
    const r = pairs(data, ENCODINGS);
    expect(await compareTable('unicode', 'characters_to_binary', unicodeBifs, r)).toEqual([]);
    expect(await compareTable('unicode', 'characters_to_list', unicodeBifs, r)).toEqual([]);
  });
});
