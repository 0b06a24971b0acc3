/**
 * Tuple and list BIFs, and the size BIFs, against erl.
 */
import { describe, expect, it } from 'vitest';
import { erlangBifs } from '../../runtime/bifs/erlang.js';
import { subtract } from '../../runtime/bifs/erlang-data.js';
import { BitString, Cons, ErlFloat, NIL, list, type Term } from '../../runtime/terms/types.js';
import { compareTable, pairs } from './harness.js';

const f = (x: number): ErlFloat => new ErlFloat(x);
const bits = (bytes: number[], n = bytes.length * 8): BitString => new BitString(Uint8Array.from(bytes), n);

const TUPLES: Term[] = [[], ['a'], ['a', 'b', 'c'], [1, [2], list([3])]];
const INDEXES: Term[] = [0, 1, 2, 3, 4, -1, 2n ** 64n, f(1), 'a'];
const NOT_TUPLES: Term[] = ['a', list([1]), NIL, bits([1])];

describe('tuple BIFs against erl', () => {
  it('element/2, delete_element/2', async () => {
    const rows = pairs(INDEXES, [...TUPLES, ...NOT_TUPLES]);
    expect(await compareTable('erlang', 'element', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'delete_element', erlangBifs, rows)).toEqual([]);
  });

  it('setelement/3, insert_element/3', async () => {
    const rows = pairs(INDEXES, [...TUPLES, ...NOT_TUPLES]).map(([i, t]) => [i!, t!, 'new']);
    expect(await compareTable('erlang', 'setelement', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'insert_element', erlangBifs, rows)).toEqual([]);
  });

  it('tuple_size/1, tuple_to_list/1, append_element/2', async () => {
    const rows = [...TUPLES, ...NOT_TUPLES].map((t) => [t]);
    expect(await compareTable('erlang', 'tuple_size', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'tuple_to_list', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'append_element', erlangBifs, rows.map(([t]) => [t!, 'x']))).toEqual([]);
  });

  it('list_to_tuple/1', async () => {
    const rows: Term[][] = [[NIL], [list([1, 2])], [list([1], 2)], ['a'], [[1]], [list([list([1])])]];
    expect(await compareTable('erlang', 'list_to_tuple', erlangBifs, rows)).toEqual([]);
  });

  it('make_tuple/2,3 (sizes up to the limit; the last position in the list wins)', async () => {
    const sizes: Term[] = [0, 1, 3, -1, 2n ** 64n, f(2), 'a'];
    const size = { erl: 'fun(T) when is_tuple(T), tuple_size(T) > 10 -> {big, tuple_size(T)}; (T) -> T end', js: (t: Term) => (Array.isArray(t) && t.length > 10 ? ['big', t.length] : t) };
    const limit: Term[][] = [[16777215, 'a'], [16777216, 'a']];
    expect(await compareTable('erlang', 'make_tuple', erlangBifs, [...sizes.map((n) => [n, 'x']), ...limit], size)).toEqual([]);
    const inits: Term[] = [
      NIL, list([[1, 'b']]), list([[1, 'b'], [1, 'c'], [3, 'd']]), list([[4, 'b']]), list([[0, 'b']]),
      list([[1, 'b']], 'c'), list([[1, 'b', 'c']]), list(['x']), 'a', list([[f(1), 'b']]),
    ];
    expect(await compareTable('erlang', 'make_tuple', erlangBifs, pairs([0, 3], inits).map(([n, i]) => [n!, 'x', i!]))).toEqual([]);
  });
});

const LISTS: Term[] = [
  NIL, list([1]), list([1, 2, 3]), list([1, 2], 3), list([1, f(1), 1, 'a', [1]]), list(['a', 'b', 'a']),
  list([f(0)]), list([f(-0)]), list([[f(0)]]), 'a', [1], bits([1]),
];

describe('list BIFs against erl', () => {
  it('hd/1, tl/1, length/1', async () => {
    const rows = LISTS.map((l) => [l]);
    for (const fn of ['hd', 'tl', 'length']) {
      expect(await compareTable('erlang', fn, erlangBifs, rows)).toEqual([]);
    }
  });

  it(`++/2 and --/2 over ${LISTS.length ** 2} pairs`, async () => {
    for (const fn of ['++', '--', 'append', 'subtract']) {
      expect(await compareTable('erlang', fn, erlangBifs, pairs(LISTS))).toEqual([]);
    }
  });

  it('-- with long operands (the hashed multiset path) removes first occurrences', async () => {
    const a = list(Array.from({ length: 300 }, (_, i) => (i * 7) % 50));
    const b = list(Array.from({ length: 80 }, (_, i) => (i % 3 === 0 ? f(i % 50) : i % 50)));
    const c = list(Array.from({ length: 40 }, (_, i) => [i % 5, 'x']));
    const d = list([...Array.from({ length: 20 }, (_, i) => [i % 5, 'x']), ...Array.from({ length: 20 }, () => f(-0))]);
    const e = list(Array.from({ length: 30 }, (_, i) => (i % 2 ? f(0) : [f(0)])));
    const rows = [[a, b], [b, a], [c, d], [d, c], [a, a], [e, d], [d, e], [e, e]];
    expect(await compareTable('erlang', '--', erlangBifs, rows)).toEqual([]);
  });

  it('-- shares the untouched rest of the left operand', () => {
    const rest = list([4, 5, 6]);
    const r = subtract(new Cons(1, new Cons(2, rest)), list([2])) as Cons;
    expect((r.tl as Cons)).toBe(rest);
  });

  it('size/1, byte_size/1, bit_size/1', async () => {
    const xs: Term[] = [
      [], [1, 2], bits([]), bits([1]), bits([1, 2]), bits([0x80], 1), bits([1, 0x80], 9), bits([1, 2, 3], 23),
      'a', list([1]), f(1), 7,
    ];
    for (const fn of ['size', 'byte_size', 'bit_size']) {
      expect(await compareTable('erlang', fn, erlangBifs, xs.map((x) => [x]))).toEqual([]);
    }
  });
});
