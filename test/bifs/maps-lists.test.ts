/**
 * The maps BIFs, erlang's map BIFs, erts_internal:map_next/3 and the lists
 * BIFs against erl, including maps beyond 32 keys (hash-trie order).
 */
import { describe, expect, it } from 'vitest';
import { erlangBifs } from '../../runtime/bifs/erlang.js';
import { ertsInternalBifs, mapNext } from '../../runtime/bifs/erts_internal.js';
import { listsBifs } from '../../runtime/bifs/lists.js';
import { mapsBifs } from '../../runtime/bifs/maps.js';
import { mapFromEntries } from '../../runtime/terms/map.js';
import { formatW } from '../../runtime/terms/print.js';
import { BitString, Cons, ErlFloat, NIL, list, type Term } from '../../runtime/terms/types.js';
import { compareTable, erlOutcomes, pairs } from './harness.js';
import { toErlSource } from '../support/erl-source.js';

const f = (x: number): ErlFloat => new ErlFloat(x);
const map = (...kvs: [Term, Term][]): Term => mapFromEntries(kvs);
const bin = (s: string): BitString => new BitString(new TextEncoder().encode(s), s.length * 8);
const bigMap = (n: number, key = (i: number): Term => i): Term =>
  mapFromEntries(Array.from({ length: n }, (_, i): [Term, Term] => [key(i), i]));

/**
 * Maps beyond 32 keys have no atom keys: BEAM orders them by a hash that
 * mixes in each atom's index in its atom table, which differs between two
 * VMs (and between erl and us).
 */
const MAPS: Term[] = [
  map(), map(['a', 1]), map([1, 'int'], [f(1), 'float']), map(['a', 1], ['b', 2], [[1], 'tuple']), bigMap(33),
  bigMap(40, (i) => bin(`k${i}`)), bigMap(100, (i) => (i % 2 ? [i] : f(i))),
];
const KEYS: Term[] = [1, f(1), 5, bin('k7'), [1], [5], f(4), f(5), 77, list([2])];
const ATOM_KEYS: Term[] = ['a', 'z'];
const NOT_MAPS: Term[] = ['x', list([1]), NIL];

describe('maps BIFs against erl', () => {
  const SMALL = MAPS.slice(0, 4);
  it('get/2, find/2, is_key/2, remove/2, take/2', async () => {
    const rows = [...pairs(KEYS, [...MAPS, ...NOT_MAPS]), ...pairs(ATOM_KEYS, SMALL)];
    for (const fn of ['get', 'find', 'is_key', 'remove', 'take']) {
      expect(await compareTable('maps', fn, mapsBifs, rows)).toEqual([]);
    }
  });

  it('put/3, update/3', async () => {
    const rows = [...pairs(KEYS, [...MAPS, ...NOT_MAPS]), ...pairs(ATOM_KEYS, SMALL)].map(([k, m]) => [k!, 'new', m!]);
    expect(await compareTable('maps', 'put', mapsBifs, rows)).toEqual([]);
    expect(await compareTable('maps', 'update', mapsBifs, rows)).toEqual([]);
  });

  it('keys/1, values/1, to_list/1 in BEAM\'s order', async () => {
    const rows = [...MAPS, ...NOT_MAPS].map((m) => [m]);
    for (const fn of ['keys', 'values', 'to_list']) {
      expect(await compareTable('maps', fn, mapsBifs, rows)).toEqual([]);
    }
  });

  it('merge/2, from_list/1, from_keys/2', async () => {
    const noAtoms = [map(), map([1, 'int'], [f(1), 'float']), ...MAPS.slice(4)];
    expect(await compareTable('maps', 'merge', mapsBifs, pairs([...noAtoms, 'x'], [...noAtoms, 'y']))).toEqual([]);
    expect(await compareTable('maps', 'merge', mapsBifs, pairs([...SMALL, 'x'], [...SMALL, 'y']))).toEqual([]);
    const lists: Term[] = [
      NIL, list([['a', 1], ['a', 2]]), list([[1, 'a'], [f(1), 'b'], [1, 'c']]), list([['a', 1]], 'x'), list(['a']),
      list([['a', 1, 2]]), 'x', list(Array.from({ length: 40 }, (_, i) => [i % 35, i])),
      list([...Array.from({ length: 33 }, (_, i) => [i, i]), [0, 'again']]),
    ];
    expect(await compareTable('maps', 'from_list', mapsBifs, lists.map((l) => [l]))).toEqual([]);
    const keyLists: Term[] = [NIL, list(['a', 'b', 'a']), list([1, f(1)]), list(['a'], 'x'), 'x', list(Array.from({ length: 50 }, (_, i) => i))];
    expect(await compareTable('maps', 'from_keys', mapsBifs, keyLists.map((l) => [l, 0]))).toEqual([]);
  });

  it('erlang:map_size/1, map_get/2, is_map_key/2', async () => {
    expect(await compareTable('erlang', 'map_size', erlangBifs, [...MAPS, ...NOT_MAPS].map((m) => [m]))).toEqual([]);
    const rows = [...pairs(KEYS, [...MAPS, ...NOT_MAPS]), ...pairs(ATOM_KEYS, SMALL)];
    expect(await compareTable('erlang', 'map_get', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'is_map_key', erlangBifs, rows)).toEqual([]);
  });
});

describe('erts_internal:map_next/3', () => {
  it('small maps: whole in one call, in both modes; bad paths and modes are badarg', async () => {
    const small = MAPS.slice(0, 4);
    const paths: Term[] = [0, 1, 3, 4, -1, 2n ** 64n, 'a'];
    const modes: Term[] = ['iterator', NIL, list(['x']), list(['x'], 'y'), 'other'];
    const rows = small.flatMap((m) => pairs(paths, modes).map(([p, mode]) => [p!, m, mode!]));
    expect(await compareTable('erts_internal', 'map_next', ertsInternalBifs, [...rows, [0, 'x', NIL]])).toEqual([]);
  });

  it('large maps: maps:next/1 walks, and maps:to_list/1 collects, the pairs in BEAM\'s orders', async () => {
    for (const m of MAPS.slice(4)) {
      // The iterator chain, followed to the end the way maps:next/1 does.
      const walk: Term[] = [];
      let r = mapNext({ reds: 4000 }, 0, m, 'iterator');
      while (r !== 'none') {
        const [k, v, rest] = r as Term[];
        walk.push([k!, v!]);
        r = Array.isArray(rest) || rest === 'none' ? rest! : mapNext({ reds: 20 }, (rest as Cons).hd, m, 'iterator');
      }
      // maps:to_list/1's loop over the list mode.
      let acc: Term = mapNext({ reds: 4000 }, 0, m, NIL);
      while (acc instanceof Cons && typeof acc.hd === 'number') {
        const next = acc.tl as Cons;
        acc = mapNext({ reds: 40 }, acc.hd, next.hd, next.tl);
      }
      const src = toErlSource(m);
      const [iterOrder, listOrder] = await erlOutcomes([
        `(fun G(none, A) -> lists:reverse(A); G({K, V, I}, A) -> G(maps:next(I), [{K, V} | A]) end)(maps:next(maps:iterator(${src})), [])`,
        `maps:to_list(${src})`,
      ]);
      expect(formatW(['ok', list(walk)])).toBe(iterOrder);
      expect(formatW(['ok', acc])).toBe(listOrder);
    }
  });
});

describe('lists BIFs against erl', () => {
  const LISTS: Term[] = [
    NIL, list([1, 2, 3]), list([1], 2), list([[1, 'a'], 'x', [2], [f(1), 'b'], [1, 'c']]), list([[2, 'a']], 'x'),
    list([f(1), 1]), 'x',
  ];
  it('reverse/2, member/2', async () => {
    expect(await compareTable('lists', 'reverse', listsBifs, pairs(LISTS, [NIL, list([9]), 'x']))).toEqual([]);
    expect(await compareTable('lists', 'member', listsBifs, pairs([1, f(1), 2, 3, 'x', [1, 'a']], LISTS))).toEqual([]);
  });

  it('keyfind/3, keymember/3, keysearch/3 (== on keys, stop at the first match)', async () => {
    const keys: Term[] = [1, f(1), 2, 'a', 'zz'];
    const ns: Term[] = [1, 2, 3, 0, -1, 2n ** 70n, 'a'];
    const rows = keys.flatMap((k) => ns.flatMap((n) => LISTS.map((l) => [k, n, l])));
    for (const fn of ['keyfind', 'keymember', 'keysearch']) {
      expect(await compareTable('lists', fn, listsBifs, rows)).toEqual([]);
    }
  });
});
