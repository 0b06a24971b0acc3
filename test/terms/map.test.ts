/**
 * Erlang maps: semantics of the operations, and BEAM's iteration orders for
 * small (flatmap) and large (hash trie) maps, checked against OTP 25.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { erl } from '../support/erl.js';
import { toErlSource } from '../support/erl-source.js';
import { internalHash } from '../../runtime/terms/hash.js';
import {
  EMPTY_MAP, ErlMap, MAP_SMALL_MAP_LIMIT, MapBuilder, mapFromEntries, mapIterEntries, mapKeys, mapMerge, mapPut,
  mapRemove, mapToList, mapUpdate, mapValues,
} from '../../runtime/terms/map.js';
import { ErlFloat, charlist, list, type Term } from '../../runtime/terms/types.js';
import { TEST_ATOMS, genTerm, pinAtoms, rng } from './hash-support.js';

const f = (x: number): ErlFloat => new ErlFloat(x);
const src = (ts: readonly Term[]): string => `[${ts.map(toErlSource).join(',')}]`;
const keysSrc = (m: ErlMap): string => src(mapKeys(m));

beforeAll(async () => {
  await pinAtoms(TEST_ATOMS);
});

describe('small maps (flatmaps)', () => {
  it('sort keys in map-key order: integers before floats, then term order', async () => {
    const m = mapFromEntries([[f(1), 'a'], [1, 'b'], ['a', 'c'], [charlist('x'), 'd']]);
    expect(mapToList(m)).toEqual([[1, 'b'], [f(1), 'a'], ['a', 'c'], [charlist('x'), 'd']]);
    expect(await erl.text(`io_lib:format("~w", [maps:keys(#{1.0 => a, 1 => b, a => c, "x" => d})])`)).toBe('[1,1.0,a,[120]]');
    const r = rng(11);
    for (let round = 0; round < 20; round++) {
      const es = Array.from({ length: 1 + Math.floor(r() * 32) }, (): [Term, Term] => [genTerm(r, (x) => mapFromEntries(x), 1), round]);
      const mine = mapFromEntries(es);
      expect(mine.isHashmap).toBe(false);
      // erl prints both: BEAM's own order, and the keys as we ordered them.
      const [theirs, ours] = (
        await erl.text(
          `Es = ${src(es.map(([k, v]) => [k, v]))}, io_lib:format("~w~n~w", [maps:keys(maps:from_list(Es)), ${keysSrc(mine)}])`,
        )
      ).split('\n');
      expect(ours).toBe(theirs);
    }
  });

  it('keep 1 and 1.0 as different keys', () => {
    const m = mapPut(mapPut(EMPTY_MAP, 1, 'int'), f(1), 'float');
    expect(m.size).toBe(2);
    expect(m.get(1)).toBe('int');
    expect(m.get(f(1))).toBe('float');
    expect(m.get(f(2))).toBeUndefined();
  });

  it('are persistent', () => {
    const a = mapFromEntries([[1, 'x'], [2, 'y']]);
    const b = mapPut(a, 3, 'z');
    const c = mapRemove(a, 1);
    const d = mapUpdate(a, 2, 'w')!;
    expect(mapToList(a)).toEqual([[1, 'x'], [2, 'y']]);
    expect(mapToList(b)).toEqual([[1, 'x'], [2, 'y'], [3, 'z']]);
    expect(mapToList(c)).toEqual([[2, 'y']]);
    expect(mapToList(d)).toEqual([[1, 'x'], [2, 'w']]);
    expect(mapRemove(a, 99)).toBe(a);
    expect(mapPut(a, 1, 'x')).toBe(a);
  });

  it('update only existing keys; from_list lets later pairs win', () => {
    expect(mapUpdate(EMPTY_MAP, 1, 2)).toBeUndefined();
    expect(mapToList(mapFromEntries([[1, 'a'], [2, 'b'], [1, 'c']]))).toEqual([[1, 'c'], [2, 'b']]);
    expect(mapFromEntries([])).toBe(EMPTY_MAP);
    expect(mapRemove(mapFromEntries([[1, 2]]), 1)).toBe(EMPTY_MAP);
  });

  it('merge with the second map winning', () => {
    const a = mapFromEntries([[1, 'a'], [2, 'a'], [f(2), 'a']]);
    const b = mapFromEntries([[2, 'b'], [3, 'b']]);
    expect(mapToList(mapMerge(a, b))).toEqual([[1, 'a'], [2, 'b'], [3, 'b'], [f(2), 'a']]);
    expect(mapMerge(a, EMPTY_MAP)).toBe(a);
    expect(mapMerge(EMPTY_MAP, b)).toBe(b);
    expect(mapKeys(b)).toEqual([2, 3]);
    expect(mapValues(b)).toEqual(['b', 'b']);
  });
});

describe('representation changes at 32 keys, as on BEAM', () => {
  it('is a flatmap up to 32 keys and a hashmap above, both ways', () => {
    let m = EMPTY_MAP;
    for (let i = 1; i <= MAP_SMALL_MAP_LIMIT; i++) m = mapPut(m, i, i);
    expect(m.isHashmap).toBe(false);
    const big = mapPut(m, 33, 33);
    expect(big.isHashmap).toBe(true);
    expect(big.size).toBe(33);
    const back = mapRemove(big, 5);
    expect(back.isHashmap).toBe(false);
    expect(mapKeys(back)).toEqual([...Array.from({ length: 4 }, (_, i) => i + 1), ...Array.from({ length: 28 }, (_, i) => i + 6)]);
    expect(mapFromEntries(Array.from({ length: 40 }, (_, i): [Term, Term] => [i % 20, i])).isHashmap).toBe(false);
  });

  it('match BEAM for shrinking, merging, from_list with duplicates', async () => {
    const ks = Array.from({ length: 33 }, (_, i) => i * 3);
    const m = mapFromEntries(ks.map((k): [Term, Term] => [k, k]));
    const shrunk = mapRemove(m, 6);
    const merged = mapMerge(mapFromEntries(ks.slice(0, 20).map((k): [Term, Term] => [k, 1])), mapFromEntries(ks.slice(10).map((k): [Term, Term] => [k, 2])));
    const dups = mapFromEntries(Array.from({ length: 80 }, (_, i): [Term, Term] => [i % 35, i]));
    const text = await erl.text(
      `Ks = ${src(ks)}, M = maps:from_list([{K, K} || K <- Ks]),
       S = maps:remove(6, M),
       G = maps:merge(maps:from_list([{K, 1} || K <- lists:sublist(Ks, 20)]), maps:from_list([{K, 2} || K <- lists:nthtail(10, Ks)])),
       D = maps:from_list([{I rem 35, I} || I <- lists:seq(0, 79)]),
       io_lib:format("~w|~w|~w|~w", [maps:to_list(M), maps:to_list(S), maps:to_list(G), maps:to_list(D)])`,
    );
    const mine = [m, shrunk, merged, dups].map((x) => `[${mapToList(x).map(([k, v]) => `{${toErlSource(k)},${toErlSource(v)}}`).join(',')}]`);
    expect(mine.join('|')).toBe(text);
  });
});

describe('0.0 and -0.0 (=:= on OTP 25) keep the key BEAM keeps', () => {
  it('agrees with BEAM on put, update, from_list and merge', async () => {
    const big = Array.from({ length: 40 }, (_, i): [Term, Term] => [i, 'x']);
    const pz = f(0);
    const nz = f(-0);
    const flat1 = mapFromEntries([[pz, 'a']]);
    const hash1 = mapFromEntries([...big, [pz, 'a']]);
    const cases: ErlMap[] = [
      mapPut(flat1, nz, 'b'),
      mapPut(hash1, nz, 'b'),
      mapUpdate(flat1, nz, 'b')!,
      mapUpdate(hash1, nz, 'b')!,
      mapFromEntries([[nz, 'a'], [pz, 'b']]),
      mapFromEntries([[nz, 'b'], [pz, 'a'], ...big]),
      mapMerge(flat1, mapFromEntries([[nz, 'b']])),
      mapMerge(hash1, mapFromEntries([[nz, 'b']])),
      mapMerge(flat1, mapFromEntries([...big, [nz, 'b']])),
    ];
    // Only the float keys matter; erl prints ours next to its own.
    const floats = (m: ErlMap): Term => list(mapToList(m).filter(([k]) => k instanceof ErlFloat).map(([k, v]) => [k, v]));
    const text = await erl.text(
      `Big = maps:from_list([{K, x} || K <- lists:seq(0, 39)]),
       F = fun(M) -> [{K, V} || {K, V} <- maps:to_list(M), is_float(K)] end,
       Theirs = [F(X) || X <- [
         maps:put(-0.0, b, #{0.0 => a}), maps:put(-0.0, b, Big#{0.0 => a}),
         maps:update(-0.0, b, #{0.0 => a}), maps:update(-0.0, b, Big#{0.0 => a}),
         maps:from_list([{-0.0, a}, {0.0, b}]), maps:from_list([{-0.0, b}, {0.0, a} | maps:to_list(Big)]),
         maps:merge(#{0.0 => a}, #{-0.0 => b}), maps:merge(Big#{0.0 => a}, #{-0.0 => b}),
         maps:merge(#{0.0 => a}, Big#{-0.0 => b})]],
       io_lib:format("~w~n~w", [Theirs, ${toErlSource(list(cases.map(floats)))}])`,
    );
    const [theirs, ours] = text.split('\n');
    expect(ours).toBe(theirs);
    expect(theirs).toContain('-0.0');
  });
});

/** For each key set: BEAM's positions of the keys in several derived orders. */
async function beamOrders(sets: Term[][]): Promise<string[]> {
  const reqs = sets.map(
    (ks) => `(fun() ->
      Ks = ${src(ks)}, N = length(Ks),
      Idx = maps:from_list(lists:zip(Ks, lists:seq(0, N - 1))),
      P = fun(L) -> [maps:get(K, Idx) || K <- L] end,
      M = maps:from_list([{K, 1} || K <- Ks]),
      Puts = lists:foldl(fun(K, A) -> maps:put(K, 1, A) end, #{}, lists:reverse(Ks)),
      It = fun G(I) -> case maps:next(I) of none -> []; {K, _, I2} -> [K | G(I2)] end end(maps:iterator(M)),
      Half = lists:foldl(fun maps:remove/2, M, lists:sublist(Ks, N div 2)),
      {A, B} = lists:split(N div 2, Ks),
      Merged = maps:merge(maps:from_list([{K, 1} || K <- A]), maps:from_list([{K, 2} || K <- B])),
      io_lib:format("~w;~w;~w;~w;~w", [P(maps:keys(M)), P(maps:keys(Puts)), P(It), P(maps:keys(Half)), P(maps:keys(Merged))])
    end)()`,
  );
  const text = await erl.text(`lists:join("\\n", [${reqs.join(',\n')}])`);
  return text.split('\n');
}

function myOrders(ks: Term[]): string {
  const pos = new Map<Term, number>(ks.map((k, i) => [k, i]));
  const P = (l: Term[]): string => `[${l.map((k) => pos.get(k)).join(',')}]`;
  const m = mapFromEntries(ks.map((k): [Term, Term] => [k, 1]));
  let puts = EMPTY_MAP;
  for (const k of [...ks].reverse()) puts = mapPut(puts, k, 1);
  let half = m;
  for (const k of ks.slice(0, ks.length >> 1)) half = mapRemove(half, k);
  const a = mapFromEntries(ks.slice(0, ks.length >> 1).map((k): [Term, Term] => [k, 1]));
  const b = mapFromEntries(ks.slice(ks.length >> 1).map((k): [Term, Term] => [k, 2]));
  const it = Array.from(mapIterEntries(m), (e) => e[0]);
  return [mapKeys(m), mapKeys(puts), it, mapKeys(half), mapKeys(mapMerge(a, b))].map(P).join(';');
}

/** `n` distinct (by =:=) keys of mixed types. */
function keySet(r: () => number, n: number): Term[] {
  const b = new MapBuilder();
  let size = 0;
  const ks: Term[] = [];
  while (size < n) {
    const k = genTerm(r, (es) => mapFromEntries(es), 1);
    b.put(k, 1);
    const m = b.finish();
    if (m.size > size) {
      ks.push(k);
      size = m.size;
    }
  }
  return ks;
}

describe('large maps iterate in BEAM order', () => {
  it('for mixed keys (integers, atoms, tuples, binaries, floats, bignums, lists, maps) of 33..5000', async () => {
    const r = rng(7);
    const sets = [33, 34, 40, 64, 100, 257, 1000, 5000].map((n) => keySet(r, n));
    const ref = await beamOrders(sets);
    sets.forEach((ks, i) => expect({ n: ks.length, orders: myOrders(ks) }).toEqual({ n: ks.length, orders: ref[i] }));
  });

  it('for integer keys with full 32-bit hash collisions (re-hashed with a salt)', async () => {
    const seen = new Map<number, number>();
    const pairs: number[] = [];
    for (let i = 0; pairs.length < 40; i++) {
      const h = internalHash(i);
      const j = seen.get(h);
      if (j !== undefined) pairs.push(j, i);
      else seen.set(h, i);
    }
    const ks = [...pairs, ...Array.from({ length: 20 }, (_, i) => 10_000_000 + i)];
    const [ref] = await beamOrders([ks]);
    expect(myOrders(ks)).toBe(ref);
  });

  it('find every key and no other', () => {
    const r = rng(3);
    const ks = keySet(r, 3000);
    const m = mapFromEntries(ks.map((k, i): [Term, Term] => [k, i]));
    expect(m.size).toBe(3000);
    ks.forEach((k, i) => expect(m.get(k)).toBe(i));
    expect(m.has(f(1e300))).toBe(false);
    expect(m.get(list([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBeUndefined();
  });
});

describe('scale', () => {
  it('builds, reads and empties a 300k-key map persistently', () => {
    const n = 300_000;
    let m = EMPTY_MAP;
    for (let i = 0; i < n; i++) m = mapPut(m, i, i);
    const snapshot = m;
    expect(m.size).toBe(n);
    for (let i = 0; i < n; i += 997) expect(m.get(i)).toBe(i);
    const built = mapFromEntries(Array.from({ length: n }, (_, i): [Term, Term] => [i, i]));
    expect(mapKeys(built)).toEqual(mapKeys(m));
    for (let i = 0; i < n; i++) m = mapRemove(m, i);
    expect(m).toBe(EMPTY_MAP);
    expect(snapshot.size).toBe(n);
    expect(snapshot.get(n - 1)).toBe(n - 1);
    // The builder's nodes were frozen: updating `built` leaves it intact.
    const b2 = mapPut(built, 0, 'changed');
    expect(built.get(0)).toBe(0);
    expect(b2.get(0)).toBe('changed');
  });
});
