/**
 * Binary BIFs, the external term format BIFs, hashes and checksums against erl.
 */
import { describe, expect, it } from 'vitest';
import { erlangBifs } from '../../runtime/bifs/erlang.js';
import { atomExists } from '../../runtime/bifs/atoms.js';
import { crc32 } from '../../runtime/bifs/erlang-digest.js';
import { BitString, Cons, ErlFloat, NIL, charlist, isMap, list, type Term } from '../../runtime/terms/types.js';
import { mapFromEntries } from '../../runtime/terms/map.js';
import { ALL } from '../terms/corpus.js';
import { compareTable, fakeProcess, pairs } from './harness.js';

const f = (x: number): ErlFloat => new ErlFloat(x);
const bits = (bytes: number[], n = bytes.length * 8): BitString => new BitString(Uint8Array.from(bytes), n);

const BINS: Term[] = [bits([]), bits([1, 2, 3]), bits([1, 2, 0x30], 20), bits([0x80], 1), bits([255, 0, 7, 9, 1])];
const IOLISTS: Term[] = [
  NIL, list([1, 2]), list([list([1]), bits([2, 3]), 4], bits([5])), list([256]), list([-1]), list([bits([1], 1)]),
  list([1], 2), list([list([list([list([])])])]), list(['a']), list([f(1)]), bits([9, 9]), bits([1], 3), 'a',
  list([NIL, bits([])], NIL),
];

describe('binary BIFs against erl', () => {
  it('binary_to_list/1, bitstring_to_list/1', async () => {
    const rows = [...BINS, 'a', list([1])].map((b) => [b]);
    expect(await compareTable('erlang', 'binary_to_list', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'bitstring_to_list', erlangBifs, rows)).toEqual([]);
  });

  it('binary_to_list/3 over start/stop pairs', async () => {
    const ix: Term[] = [0, 1, 2, 3, 4, -1, f(1)];
    const rows = BINS.flatMap((b) => pairs(ix).map(([s, e]) => [b, s!, e!]));
    expect(await compareTable('erlang', 'binary_to_list', erlangBifs, rows)).toEqual([]);
  });

  it('list_to_binary/1, iolist_to_binary/1, iolist_size/1, list_to_bitstring/1', async () => {
    const rows = [...IOLISTS, list([bits([1], 1), 2], bits([3], 3)), list([bits([1], 7)], bits([1]))].map((x) => [x]);
    for (const fn of ['list_to_binary', 'iolist_to_binary', 'iolist_size', 'list_to_bitstring']) {
      expect(await compareTable('erlang', fn, erlangBifs, rows)).toEqual([]);
    }
  });

  it('binary_part/2,3 and split_binary/2, also of bitstrings', async () => {
    const pos: Term[] = [0, 1, 2, 3, 5, -1, -2, f(0), 2n ** 64n];
    const rows3 = BINS.flatMap((b) => pairs(pos).map(([s, l]) => [b, s!, l!]));
    expect(await compareTable('erlang', 'binary_part', erlangBifs, rows3)).toEqual([]);
    const rows2 = BINS.flatMap((b) => [[b, [1, 1]], [b, [0, 2, 3]], [b, 'x'], [b, [-1, 1]]]);
    expect(await compareTable('erlang', 'binary_part', erlangBifs, rows2)).toEqual([]);
    expect(await compareTable('erlang', 'split_binary', erlangBifs, pairs([...BINS, 'a'], pos))).toEqual([]);
  });
});

/** The corpus with its test maps rebuilt as real maps (their order is BEAM's). */
function real(t: Term): Term {
  if (Array.isArray(t)) return t.map(real);
  if (t instanceof Cons) return new Cons(real(t.hd), real(t.tl));
  if (isMap(t)) return mapFromEntries(Array.from(t.entries(), ([k, v]): [Term, Term] => [real(k), real(v)]));
  return t;
}

describe('external term format BIFs against erl', () => {
  const terms = ALL.filter((_, i) => i % 3 === 0).map(real);
  it(`term_to_binary/1,2 over ${terms.length} corpus terms × options`, async () => {
    expect(await compareTable('erlang', 'term_to_binary', erlangBifs, terms.map((t) => [t]))).toEqual([]);
    const opts: Term[] = [
      NIL, list(['compressed']), list([['compressed', 9]]), list([['compressed', 10]]), list([['minor_version', 0]]),
      list([['minor_version', 2]]), list([['minor_version', 3]]), list(['deterministic']), list(['local']), list(['x']),
      list([['compressed', 1]], 'x'), 'compressed',
    ];
    const sample: Term[] = [charlist('hello hello hello hello hello'), f(0.1), 'é', [1, 'a'], terms[40]!];
    expect(await compareTable('erlang', 'term_to_binary', erlangBifs, pairs(sample, opts))).toEqual([]);
    expect(await compareTable('erlang', 'external_size', erlangBifs, terms.map((t) => [t]))).toEqual([]);
    expect(await compareTable('erlang', 'external_size', erlangBifs, pairs(sample, opts))).toEqual([]);
  });

  it('binary_to_term/1,2: round trips, used, safe, malformed input is badarg', async () => {
    const ok = terms.slice(0, 30).map((t) => {
      const b = erlangBifs.get('term_to_binary/1')!(fakeProcess(), t) as BitString;
      return b;
    });
    const bad: Term[] = [bits([]), bits([131]), bits([130, 97, 1]), bits([131, 97]), bits([131, 200]), bits([131, 97, 1, 0]), bits([131, 97, 1], 20), 'a'];
    expect(await compareTable('erlang', 'binary_to_term', erlangBifs, [...ok, ...bad].map((b) => [b]))).toEqual([]);
    const opts: Term[] = [NIL, list(['used']), list(['safe']), list(['safe', 'used']), list(['x']), list(['used'], 'x')];
    expect(await compareTable('erlang', 'binary_to_term', erlangBifs, pairs([ok[3]!, ok[7]!, bad[5]!, bad[3]!], opts))).toEqual([]);
  });

  it('binary_to_term/2 safe rejects atoms that do not exist; binary_to_term/1 creates them', () => {
    const name = 'beamjs_fresh_atom_for_safe_test';
    const etf = bits([131, 119, name.length, ...Array.from(name, (c) => c.charCodeAt(0))]);
    const b2t = erlangBifs.get('binary_to_term/2')!;
    expect(() => b2t(fakeProcess(), etf, list(['safe']))).toThrow(expect.objectContaining({ reason: 'badarg' }));
    expect(atomExists(name)).toBe(false);
    expect(erlangBifs.get('binary_to_term/1')!(fakeProcess(), etf)).toBe(name);
    expect(atomExists(name)).toBe(true);
    expect(b2t(fakeProcess(), etf, list(['safe']))).toBe(name);
  });
});

describe('hashes and checksums against erl', () => {
  const terms = ALL.filter((_, i) => i % 4 === 1);
  it(`phash/2, phash2/1,2 over ${terms.length} terms`, async () => {
    expect(await compareTable('erlang', 'phash2', erlangBifs, terms.map((t) => [t]))).toEqual([]);
    const ranges: Term[] = [1, 7, 2 ** 27, 2 ** 32, 2 ** 32 + 1, 0, -1, f(3), 'a'];
    expect(await compareTable('erlang', 'phash2', erlangBifs, pairs(terms.slice(0, 12), ranges))).toEqual([]);
    expect(await compareTable('erlang', 'phash', erlangBifs, pairs(terms.slice(0, 12), ranges))).toEqual([]);
  });

  const DATA: Term[] = [...IOLISTS, list([bits([]), 1, NIL, 2, list([3]), 4], bits([])), list([NIL]), list([bits([])]), bits(Array.from({ length: 6000 }, (_, i) => (i * 31) & 255)), charlist('a'.repeat(15)), charlist('b'.repeat(16))];
  const INIT: Term[] = [0, 1, 12345, 0xffffffff, 0xfff10000 + 0xfff0, 2 ** 32, -1, f(1), 2n ** 64n];
  it('crc32/1,2, adler32/1,2, md5/1', async () => {
    for (const fn of ['crc32', 'adler32', 'md5']) {
      expect(await compareTable('erlang', fn, erlangBifs, DATA.map((d) => [d]))).toEqual([]);
    }
    for (const fn of ['crc32', 'adler32']) {
      expect(await compareTable('erlang', fn, erlangBifs, pairs(INIT, DATA.slice(0, 4).concat(DATA.slice(-3))))).toEqual([]);
    }
  });

  it('crc32_combine/3 and adler32_combine/3', async () => {
    const a = bits([1, 2, 3, 4, 5]);
    const b = bits(Array.from({ length: 1000 }, (_, i) => i & 255));
    const c32 = (x: BitString) => crc32(x.bytes);
    const rows: Term[][] = [
      [c32(a), c32(b), 1000], [0, 0, 0], [1, 2, 3], [0xffffffff, 0xffffffff, 0xffffffff], [1, 1, 2 ** 32], [1, 1, -1],
      [2 ** 32, 1, 1], [1, 1, f(1)], [123456789, 987654321, 123456789], [0xffffffff, 0xffffffff, 1], [0xfff0fff0, 0xfff0fff0, 7],
    ];
    expect(await compareTable('erlang', 'crc32_combine', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'adler32_combine', erlangBifs, rows)).toEqual([]);
  });

  it('md5_init/0, md5_update/2, md5_final/1 give md5/1', async () => {
    const init = erlangBifs.get('md5_init/0')!;
    const update = erlangBifs.get('md5_update/2')!;
    const final = erlangBifs.get('md5_final/1')!;
    const md5 = erlangBifs.get('md5/1')!;
    const p = fakeProcess();
    let ctx = init(p);
    const parts = [charlist('abc'), bits(Array(70).fill(97)), NIL, bits(Array(64).fill(1))];
    for (const part of parts) ctx = update(p, ctx, part);
    expect(final(p, ctx)).toEqual(md5(p, list(parts)));
    // The context's first 24 bytes (state and bit count) are erts' own layout.
    const rows: Term[][] = [[init(p)], [update(p, init(p), charlist('abc'))], [bits([1, 2, 3])], ['a']];
    const head = { erl: 'fun(B) when byte_size(B) =:= 88 -> binary_part(B, 0, 24); (X) -> X end', js: (b: Term) => (b instanceof BitString && b.bytes.length === 88 ? bits(Array.from(b.bytes.subarray(0, 24))) : b) };
    expect(await compareTable('erlang', 'md5_update', erlangBifs, [[init(p), bits(Array(70).fill(97))], [bits([1]), NIL]], head)).toEqual([]);
    expect(await compareTable('erlang', 'md5_final', erlangBifs, rows.slice(2))).toEqual([]);
  });
});

it('Cons is the list type the BIFs return', () => {
  expect(erlangBifs.get('binary_to_list/1')!(fakeProcess(), bits([1]))).toBeInstanceOf(Cons);
});

it('large and deep terms cost no JS stack (no spread of huge arrays, no recursion)', () => {
  const p = fakeProcess();
  const wide = new Array<Term>(300000).fill(1);
  const etf = erlangBifs.get('term_to_binary/1')!(p, wide);
  expect((erlangBifs.get('binary_to_term/1')!(p, etf) as Term[]).length).toBe(300000);
  expect(erlangBifs.get('external_size/1')!(p, wide)).toBe((etf as BitString).bytes.length);
  let deep: Term = list([bits([1], 1)]);
  for (let i = 0; i < 200000; i++) deep = list([deep, 7]);
  expect((erlangBifs.get('list_to_bitstring/1')!(p, deep) as BitString).bitSize).toBe(200000 * 8 + 1);
  let deepIo: Term = list([bits([1])]);
  for (let i = 0; i < 200000; i++) deepIo = list([deepIo, 7]);
  expect(erlangBifs.get('iolist_size/1')!(p, deepIo)).toBe(200001);
  expect(erlangBifs.get('adler32/1')!(p, deepIo)).toBeTypeOf('number');
});
