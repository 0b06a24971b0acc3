/**
 * The `binary` module BIFs (runtime/bifs/binary.ts) against erl: fixed
 * tables (the erroring inputs included) and random subjects/patterns/options
 * for match, matches and split, where overlapping patterns and scopes are the
 * interesting part. (The erlang module's binary BIFs are in binary.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryBifs } from '../../runtime/bifs/binary.js';
import { BitString, ErlFloat, NIL, Ref, list, type Term } from '../../runtime/terms/types.js';
import { compareTable, fakeProcess, pairs, type Post, type Row } from './harness.js';
import { toErlSource } from '../support/erl-source.js';

const b = (...bytes: number[]): BitString => new BitString(Uint8Array.from(bytes), bytes.length * 8);
const s = (text: string): BitString => b(...Array.from(text, (c) => c.charCodeAt(0)));
const bits = (bytes: number[], extra: number): BitString => {
  const out = Uint8Array.from([...bytes, 0x80]);
  return new BitString(out, bytes.length * 8 + extra);
};
const f = (x: number): ErlFloat => new ErlFloat(x);

const HUGE = 2n ** 64n;
const BINS: Term[] = [b(), b(7), s('abc'), b(0, 255, 1, 128), bits([1, 2], 3), bits([], 1), 'a', [1], NIL];
const INDEXES: Term[] = [0, 1, 2, 3, 4, -1, 2n ** 63n, HUGE, HUGE - 1n, f(1), 'x'];

describe('binary module accessors against erl', () => {
  it('at/2, first/1, last/1', async () => {
    expect(await compareTable('binary', 'at', binaryBifs, pairs(BINS, INDEXES))).toEqual([]);
    expect(await compareTable('binary', 'first', binaryBifs, BINS.map((x) => [x]))).toEqual([]);
    expect(await compareTable('binary', 'last', binaryBifs, BINS.map((x) => [x]))).toEqual([]);
  });

  const LENS: Term[] = [0, 1, 2, 3, 4, -1, -2, -3, -4, 2n ** 63n - 1n, -(2n ** 63n), -(2n ** 63n) + 1n, HUGE, f(1), 'x'];
  const PART_BINS: Term[] = [b(), s('abc'), bits([1, 2, 3], 5), bits([], 3), 'a'];
  const POSES: Term[] = [0, 1, 2, 3, 4, -1, HUGE - 1n, HUGE, f(0)];

  it('part/3 over positions and (negative) lengths', async () => {
    const rows = PART_BINS.flatMap((bin) => pairs(POSES, LENS).map(([p, l]) => [bin, p!, l!]));
    expect(await compareTable('binary', 'part', binaryBifs, rows)).toEqual([]);
  });

  it('part/2', async () => {
    const rows: Term[][] = [
      [s('abcd'), [1, 2]], [s('abcd'), [4, -4]], [s('abcd'), [1, -2]], [s('abcd'), [1, 2, 3]],
      [s('abcd'), [1]], [s('abcd'), list([1, 2])], [s('abcd'), 'x'], [bits([1, 2], 4), [0, 2]],
    ];
    expect(await compareTable('binary', 'part', binaryBifs, rows)).toEqual([]);
  });

  it('copy/1,2', async () => {
    expect(await compareTable('binary', 'copy', binaryBifs, BINS.map((x) => [x]))).toEqual([]);
    const counts: Term[] = [0, 1, 3, 10, -1, f(2), 'x'];
    expect(await compareTable('binary', 'copy', binaryBifs, pairs(BINS, counts))).toEqual([]);
  });

  it('referenced_byte_size/1 sees the binary a large part refers to', async () => {
    const big = b(...Array.from({ length: 200 }, (_, i) => i & 255));
    const part = binaryBifs.get('part/3')!;
    const copy = binaryBifs.get('copy/1')!;
    const BIG = 'list_to_binary([X band 255 || X <- lists:seq(0, 199)])';
    const row = (args: Term[], erlText: string): Row => ({ args, erl: `binary:referenced_byte_size(${erlText})` });
    const rows: Row[] = [
      // erl_eval builds `<<...>>` literals in a 256-byte writable buffer: use list_to_binary.
      row([s('abc')], 'list_to_binary("abc")'), ['a'], [[1]], row([big], BIG),
      row([part(fakeProcess(), big, 1, 3)], `binary:part(${BIG}, 1, 3)`),
      row([part(fakeProcess(), big, 1, 64)], `binary:part(${BIG}, 1, 64)`),
      row([part(fakeProcess(), big, 1, 65)], `binary:part(${BIG}, 1, 65)`),
      row([copy(fakeProcess(), part(fakeProcess(), big, 1, 100))], `binary:copy(binary:part(${BIG}, 1, 100))`),
    ];
    expect(await compareTable('binary', 'referenced_byte_size', binaryBifs, rows)).toEqual([]);
  });

  const ENDIAN: Term[] = ['big', 'little', 'middle', 1];
  it('decode_unsigned/1,2', async () => {
    const bins: Term[] = [
      b(), b(0), b(0, 0, 1), b(1, 0, 0), b(255, 255, 255, 255, 255, 255), b(1, 2, 3, 4, 5, 6, 7),
      b(...Array.from({ length: 9 }, (_, i) => 255 - i)), b(...Array(20).fill(0), 9), bits([1], 2), 'a', 5,
    ];
    expect(await compareTable('binary', 'decode_unsigned', binaryBifs, bins.map((x) => [x]))).toEqual([]);
    expect(await compareTable('binary', 'decode_unsigned', binaryBifs, pairs(bins, ENDIAN))).toEqual([]);
  });

  it('encode_unsigned/1,2', async () => {
    const ints: Term[] = [0, 1, 255, 256, 65535, 2 ** 32, Number.MAX_SAFE_INTEGER, 2n ** 64n, 3n ** 90n, -1, -(2n ** 70n), f(1), 'a'];
    expect(await compareTable('binary', 'encode_unsigned', binaryBifs, ints.map((x) => [x]))).toEqual([]);
    expect(await compareTable('binary', 'encode_unsigned', binaryBifs, pairs(ints, ENDIAN))).toEqual([]);
  });

  it('list_to_bin/1', async () => {
    const rows: Term[][] = [
      [NIL], [list([1, 2, 3])], [list([1, list([s('ab'), 2]), NIL], s('cd'))], [s('ab')], [list([256])],
      [list([-1])], [list([1], bits([1], 3))], [list([bits([1], 3)])], ['a'], [list([1], 'a')],
    ];
    expect(await compareTable('binary', 'list_to_bin', binaryBifs, rows)).toEqual([]);
  });

  it('longest_common_prefix/1 and longest_common_suffix/1', async () => {
    const rows: Term[][] = [
      [list([s('abcde'), s('abxyz'), s('ab')])], [list([s('xyzabc'), s('abc'), s('zabc')])], [list([s('abc')])],
      [list([s('abc'), b()])], [list([s('same'), s('same')])], [NIL], [list([s('a'), 'b'])], [list([s('a')], s('b'))],
      [list([s('a'), bits([97], 2)])], [s('abc')], [list([b(1, 2, 3), b(1, 2, 4), b(0, 2, 3)])],
    ];
    expect(await compareTable('binary', 'longest_common_prefix', binaryBifs, rows)).toEqual([]);
    expect(await compareTable('binary', 'longest_common_suffix', binaryBifs, rows)).toEqual([]);
  });
});

/** Compiled patterns print as `{bm|ac, #Ref<...>}`: compare the shape. */
const patternShape: Post = {
  erl: 'fun({T, R}) -> {T, is_reference(R)}; (X) -> X end',
  js: (t) => (Array.isArray(t) && t.length === 2 ? [t[0]!, t[1] instanceof Ref ? 'true' : 'false'] : t),
};

const PATTERNS: Term[] = [
  s('a'), s('ab'), list([s('a')]), list([s('a'), s('ab')]), list([s('b'), s('ab'), s('abc')]), b(), list([s('a'), b()]),
  NIL, list([s('a')], s('b')), bits([97], 1), list([bits([97], 1)]), 'a', [s('a')], list([s('a'), s('a')]),
];

describe('binary module searches against erl', () => {
  it('compile_pattern/1 accepts what match/2 accepts', async () => {
    expect(await compareTable('binary', 'compile_pattern', binaryBifs, PATTERNS.map((p) => [p]), patternShape)).toEqual([]);
  });

  const SUBJECTS: Term[] = [s('abcabc'), s('aab'), b(), s('xyz'), bits([97], 3), bits([], 1), 'abc'];
  it('match/2, matches/2, split/2 over subjects × patterns', async () => {
    const rows = pairs(SUBJECTS, PATTERNS);
    for (const fn of ['match', 'matches', 'split']) {
      expect(await compareTable('binary', fn, binaryBifs, rows)).toEqual([]);
    }
  });

  const OPTIONS: Term[] = [
    NIL, list([['scope', [0, 0]]]), list([['scope', [1, 0]]]), list([['scope', [1, 3]]]), list([['scope', [6, -4]]]),
    list([['scope', [2, -3]]]), list([['scope', [0, 7]]]), list([['scope', [0, 6]], ['scope', [3, 3]]]),
    list([['scope', [0, 2]]], 'junk'), list([['scope', [HUGE, 0]]]), list([['scope', [0, -(2n ** 63n)]]]),
    list([['scope', [0, f(1)]]]), list([['scope', [0]]]), list(['global']), list(['trim']), list(['trim_all']),
    list(['global', 'trim']), list(['global', 'trim_all']), list(['global', ['scope', [1, 4]]]),
    list(['trim', ['scope', [3, 3]]]), list([['other', [0, 1]]]), 'global', [1],
  ];
  it('match/3, matches/3, split/3 over options', async () => {
    const subjects = [s('abcabc'), b(), s('cab')];
    const pats = [s('c'), list([s('b'), s('ab'), s('bc')]), 'bad'];
    const rows = subjects.flatMap((sub) => pats.flatMap((p) => OPTIONS.map((o) => [sub, p, o])));
    for (const fn of ['match', 'matches', 'split']) {
      expect(await compareTable('binary', fn, binaryBifs, rows)).toEqual([]);
    }
  });

  it('split/3 trimming of leading, inner and trailing empty parts', async () => {
    const subjects = [s(',a,,b,,'), s(',,'), s(','), s('a'), b(), s(',a'), s('a,')];
    const opts = [NIL, list(['trim']), list(['trim_all']), list(['global']), list(['global', 'trim']), list(['global', 'trim_all'])];
    const rows = subjects.flatMap((sub) => opts.map((o) => [sub, s(','), o]));
    expect(await compareTable('binary', 'split', binaryBifs, rows)).toEqual([]);
  });

  it('compiled patterns are used as such, and a forged one is badarg', async () => {
    const compile = binaryBifs.get('compile_pattern/1')!;
    const rows: Row[] = [];
    for (const pat of [s('ab'), list([s('a'), s('ab'), s('b')])]) {
      const cp = compile(fakeProcess(), pat);
      for (const subject of [s('xabab'), s('bbb'), b()]) {
        rows.push({
          args: [subject, cp],
          erl: `binary:matches(${toErlSource(subject)}, binary:compile_pattern(${toErlSource(pat)}))`,
        });
      }
      // The right tag with a reference that is no compiled pattern, and the wrong tag.
      const [tag, ref] = cp as Term[];
      rows.push({ args: [s('ab'), [tag!, new Ref((ref as Ref).ids)]], erl: `binary:matches(<<"ab">>, {${tag}, make_ref()})` });
      const other = tag === 'bm' ? 'ac' : 'bm';
      rows.push({
        args: [s('ab'), [other, ref!]],
        erl: `binary:matches(<<"ab">>, {${other}, element(2, binary:compile_pattern(${toErlSource(pat)}))})`,
      });
    }
    expect(await compareTable('binary', 'matches', binaryBifs, rows)).toEqual([]);
  });

  /** Random subjects over a small alphabet, so that patterns overlap often. */
  const arbBin = (min: number, max: number): fc.Arbitrary<BitString> =>
    fc.array(fc.integer({ min: 97, max: 99 }), { minLength: min, maxLength: max }).map((xs) => b(...xs));
  const arbPattern: fc.Arbitrary<Term> = fc.oneof(
    arbBin(1, 3),
    fc.array(arbBin(1, 4), { minLength: 1, maxLength: 4 }).map((ps) => list(ps)),
  );
  const arbScope = (n: number): fc.Arbitrary<Term> =>
    fc.tuple(fc.integer({ min: 0, max: n + 1 }), fc.integer({ min: -n - 1, max: n + 1 })).map(([p, l]) => ['scope', [p, l]]);
  const arbCase: fc.Arbitrary<Term[]> = arbBin(0, 24).chain((sub) =>
    fc.tuple(
      fc.constant(sub as Term),
      arbPattern,
      fc.array(fc.oneof(arbScope(sub.bytes.length), fc.constantFrom<Term>('global', 'trim', 'trim_all')), { maxLength: 3 }),
    ).map(([x, p, opts]) => [x, p, list(opts)]),
  );

  it('random match/3, matches/3, split/3 cases agree with erl', async () => {
    const cases = fc.sample(arbCase, { numRuns: 400, seed: 20250 });
    const noFlags = (c: Term[]): Term[] => {
      const opts: Term[] = [];
      for (let l = c[2]!; l !== NIL; l = (l as { tl: Term }).tl) {
        const o = (l as { hd: Term }).hd;
        if (Array.isArray(o)) opts.push(o);
      }
      return [c[0]!, c[1]!, list(opts)];
    };
    expect(await compareTable('binary', 'match', binaryBifs, cases.map(noFlags))).toEqual([]);
    expect(await compareTable('binary', 'matches', binaryBifs, cases.map(noFlags))).toEqual([]);
    expect(await compareTable('binary', 'split', binaryBifs, cases)).toEqual([]);
  });

  it('random compiled patterns give the same matches as plain ones', async () => {
    const compile = binaryBifs.get('compile_pattern/1')!;
    const cases = fc.sample(fc.tuple(arbBin(0, 20), arbPattern), { numRuns: 100, seed: 99 });
    const rows: Row[] = cases.map(([sub, pat]) => ({
      args: [sub, compile(fakeProcess(), pat)],
      erl: `binary:matches(${toErlSource(sub)}, binary:compile_pattern(${toErlSource(pat)}))`,
    }));
    expect(await compareTable('binary', 'matches', binaryBifs, rows)).toEqual([]);
  });
});
