/**
 * Terms of any depth: BEAM compares, prints, hashes and flattens a tuple chain
 * or a head-nested list a million levels deep; so must the term algorithms here,
 * without exhausting the JS stack. 100,000-deep terms are checked against erl
 * (phash2, phash and an MD5 of the `~w` text, so the replies stay small);
 * 1,000,000-deep ones against answers computed here.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { erl } from '../support/erl.js';
import { compare, equals, exactCompare, exactEquals } from '../../runtime/terms/compare.js';
import { formatW } from '../../runtime/terms/print.js';
import { internalHash, phash, phash2 } from '../../runtime/terms/hash.js';
import { iolistSize, iolistToBinary } from '../../runtime/terms/binary.js';
import { binaryToTerm, termToBinary } from '../../runtime/terms/etf.js';
import { mapFromEntries, mapKeys } from '../../runtime/terms/map.js';
import { TermMap } from '../../runtime/terms/termmap.js';
import { unicodeBifs } from '../../runtime/bifs/unicode.js';
import { NotATermError } from '../../runtime/terms/errors.js';
import { BitString, Cons, ErlFloat, NIL, binary, list, type ErlMapLike, type Term } from '../../runtime/terms/types.js';

/** `lists:foldl(F, Init, lists:seq(1, N))`. */
function fold(n: number, f: (i: number, acc: Term) => Term, init: Term): Term {
  let a = init;
  for (let i = 1; i <= n; i++) a = f(i, a);
  return a;
}

const u16 = (i: number): BitString => binary(Uint8Array.of((i >> 8) & 0xff, i & 0xff));

/** One way of nesting: the same fold in Erlang source and in JS. */
interface Shape {
  name: string;
  erl: string;
  js: (i: number, a: Term) => Term;
}

const SHAPES: Shape[] = [
  { name: 'tuple chain', erl: 'fun(I, A) -> {I, A} end', js: (i, a) => [i, a] },
  { name: 'head-nested list', erl: 'fun(I, A) -> [A, I] end', js: (i, a) => list([a, i]) },
  { name: 'map values', erl: 'fun(I, A) -> #{I => A} end', js: (i, a) => mapFromEntries([[i, a]]) },
  { name: 'map keys', erl: 'fun(I, A) -> #{A => I} end', js: (i, a) => mapFromEntries([[a, i]]) },
  {
    name: 'mixed',
    erl: `fun(I, A) -> case I rem 6 of
            0 -> {A, I};
            1 -> [A | I];
            2 -> #{a => A, I => x};
            3 -> #{A => I};
            4 -> [I, 1.5 | A];
            5 -> {<<I:16>>, [A], -I}
          end end`,
    js: (i, a) => {
      switch (i % 6) {
        case 0: return [a, i];
        case 1: return new Cons(a, i);
        case 2: return mapFromEntries([['a', a], [i, 'x']]);
        case 3: return mapFromEntries([[a, i]]);
        case 4: return new Cons(i, new Cons(new ErlFloat(1.5), a));
        default: return [u16(i), list([a]), -i];
      }
    },
  },
];

/** A map that lists its entries as given: its consumers must sort them. */
class InsertionOrderMap implements ErlMapLike {
  readonly isErlMap = true as const;
  constructor(private readonly pairs: [Term, Term][]) {}
  get size(): number {
    return this.pairs.length;
  }
  get(key: Term): Term | undefined {
    return this.pairs.find(([k]) => exactEquals(k, key))?.[1];
  }
  has(key: Term): boolean {
    return this.get(key) !== undefined;
  }
  entries(): IterableIterator<[Term, Term]> {
    return this.pairs[Symbol.iterator]();
  }
}

const md5Hex = (s: string): string => createHash('md5').update(Buffer.from(s, 'latin1')).digest('hex');

describe('100,000-deep terms against erl', () => {
  const N = 100_000;

  it('phash2, phash and ~w agree with erl for every shape', async () => {
    const exprs = SHAPES.map(
      (s) => `(fun() -> T = lists:foldl(${s.erl}, leaf, lists:seq(1, ${N})),
        io_lib:format("~w ~w ~s;", [erlang:phash2(T), erlang:phash(T, 4294967296),
          binary:encode_hex(erlang:md5(iolist_to_binary(io_lib:format("~w", [T]))))]) end)()`,
    );
    const text = await erl.text(`[${exprs.join(',\n')}]`);
    const want = text.split(';').slice(0, -1);
    expect(want.length).toBe(SHAPES.length);
    const got = SHAPES.map((s) => {
      const t = fold(N, s.js, 'leaf');
      return `${phash2(t)} ${phash(t, 2 ** 32)} ${md5Hex(formatW(t)).toUpperCase()}`;
    });
    expect(got).toEqual(want);
  });

  it('orders a large map with 100,000-deep keys like erl (the internal hash)', async () => {
    // Integer leaves only: the internal hash of an atom depends on its atom index.
    const erlSrc = `D = lists:foldl(fun(I, A) -> {I, A} end, 0, lists:seq(1, ${N})),
      M = maps:from_list([{{K, D}, K} || K <- lists:seq(1, 40)]),
      io_lib:format("~w", [maps:values(M)])`;
    const want = await erl.text(erlSrc);
    const d = fold(N, (i, a) => [i, a], 0);
    const m = mapFromEntries(Array.from({ length: 40 }, (_, j): [Term, Term] => [[j + 1, d], j + 1]));
    expect(formatW(list(mapKeys(m).map((k) => (k as Term[])[0]!)))).toBe(want);
  });

  it('iolist_size and iolist_to_binary of a 100,000-deep iolist agree with erl', async () => {
    const want = await erl.text(`L = lists:foldl(fun(I, A) -> [A, I rem 256, <<I:16>>] end, [], lists:seq(1, ${N})),
      io_lib:format("~w ~s", [iolist_size(L), binary:encode_hex(erlang:md5(iolist_to_binary(L)))])`);
    const l = fold(N, (i, a) => list([a, i % 256, u16(i)]), NIL);
    const bin = iolistToBinary(l);
    expect(`${iolistSize(l)} ${createHash('md5').update(bin.bytes).digest('hex').toUpperCase()}`).toBe(want);
  });
});

describe('term walkers outside runtime/terms', () => {
  it('unicode:characters_to_binary/2 from UTF-16 walks 100,000-deep chardata like erl', async () => {
    const N = 100_000;
    const want = await erl.text(`S = lists:seq(1, ${N}),
      Ok = lists:foldl(fun(I, A) -> [A, <<0, (I rem 26 + 97)>>] end, [], S),
      Bad = lists:foldl(fun(_, A) -> [A, <<0, 97>>] end, [<<0, 104>>, -1], S),
      Split = lists:foldl(fun(I, A) -> [A, <<0>>, <<(I rem 26 + 97)>>] end, [], S),
      io_lib:format("~w", [[erlang:phash2(unicode:characters_to_binary(D, utf16)) || D <- [Ok, Bad, Split]]])`);
    const b = (...xs: number[]): Term => binary(Uint8Array.from(xs));
    const ok = fold(N, (i, a) => list([a, b(0, (i % 26) + 97)]), NIL);
    const bad = fold(N, (_i, a) => list([a, b(0, 97)]), list([b(0, 104), -1]));
    const split = fold(N, (i, a) => list([a, b(0), b((i % 26) + 97)]), NIL);
    const toBinary = unicodeBifs.get('characters_to_binary/2')!;
    const got = [ok, bad, split].map((d) => phash2(toBinary(undefined, d, 'utf16')));
    expect(formatW(list(got))).toBe(want);
  });
});

describe('1,000,000-deep terms', () => {
  const N = 1_000_000;
  const tupleChain = (leaf: Term): Term => fold(N, (i, a) => [i, a], leaf);
  const headList = (leaf: Term): Term => fold(N, (i, a) => list([a, i]), leaf);

  for (const [name, build, text] of [
    ['tuple chain', tupleChain, (leaf: string) => descending('{', ',') + leaf + '}'.repeat(N)],
    ['head-nested list', headList, (leaf: string) => '['.repeat(N) + leaf + ascending(',', ']')],
  ] as const) {
    describe(name, () => {
      let a: Term, b: Term, c: Term, f: Term;
      beforeAll(() => {
        a = build(0);
        b = build(0); // equal to a, no part shared
        c = build(1); // differs at the very bottom
        f = build(new ErlFloat(0)); // == but not =:= to a
      });

      it('compares', () => {
        expect([exactEquals(a, b), equals(a, b), compare(a, b), exactCompare(a, b)]).toEqual([true, true, 0, 0]);
        expect([exactEquals(a, c), equals(a, c), compare(a, c), compare(c, a)]).toEqual([false, false, -1, 1]);
        expect([exactEquals(a, f), equals(a, f), compare(a, f), exactCompare(a, f), exactCompare(f, a)]).toEqual([
          false, true, 0, -1, 1,
        ]);
      });

      it('prints', () => {
        expect(formatW(a)).toBe(text('0'));
        expect(formatW(f)).toBe(text('0.0'));
      });

      it('hashes', () => {
        expect(phash2(b)).toBe(phash2(a));
        expect(phash2(c)).not.toBe(phash2(a));
        expect(phash(b, 2 ** 32)).toBe(phash(a, 2 ** 32));
        expect(phash(c, 2 ** 32)).not.toBe(phash(a, 2 ** 32));
        expect(internalHash(b)).toBe(internalHash(a));
        expect(internalHash(c)).not.toBe(internalHash(a));
      });

      it('keys a TermMap and survives the external format', () => {
        const tm = new TermMap<string>();
        tm.set(a, 'a');
        tm.set(c, 'c');
        expect([tm.get(b), tm.get(c), tm.size]).toEqual(['a', 'c', 2]);
        expect(exactEquals(binaryToTerm(termToBinary(a)), b)).toBe(true);
      });
    });
  }

  /** `{N,{N-1,...{1,` (or `#{N => ...`). */
  function descending(open: string, sep: string): string {
    const parts: string[] = [];
    for (let i = N; i >= 1; i--) parts.push(open, String(i), sep);
    return parts.join('');
  }
  /** `,1],2]...,N]`. */
  function ascending(sep: string, close: string): string {
    const parts: string[] = [];
    for (let i = 1; i <= N; i++) parts.push(sep, String(i), close);
    return parts.join('');
  }

  it('flattens a head-nested iolist and a mixed one', () => {
    const bytes = fold(N, (i, a) => list([a, i & 255]), NIL);
    expect(iolistSize(bytes)).toBe(N);
    const bin = iolistToBinary(bytes).bytes;
    expect([bin.length, bin[0], bin[254], bin[255], bin[N - 1]]).toEqual([N, 1, 255, 0, N & 255]);
    // Bytes, binaries and improper binary tails, nested in heads and tails.
    const mixed = fold(N, (i, a) => (i % 3 === 0 ? new Cons(a, u16(i)) : i % 3 === 1 ? list([i & 255, a]) : list([a])), NIL);
    const want: number[] = [];
    for (let i = N; i >= 1; i--) if (i % 3 === 1) want.push(i & 255);
    for (let i = 1; i <= N; i++) if (i % 3 === 0) want.push((i >> 8) & 0xff, i & 0xff);
    expect(iolistSize(mixed)).toBe(want.length);
    expect(Buffer.from(iolistToBinary(mixed).bytes).equals(Buffer.from(want))).toBe(true);
  });

  it('handles the mixed shape', () => {
    const mixed = SHAPES.find((s) => s.name === 'mixed')!.js;
    const a = fold(N, mixed, 'leaf');
    const b = fold(N, mixed, 'leaf');
    const c = fold(N, mixed, 'leaf2');
    expect([exactEquals(a, b), equals(a, b), compare(a, b), exactEquals(a, c), compare(a, c)]).toEqual([
      true, true, 0, false, -1,
    ]);
    expect(formatW(a)).toBe(formatW(b));
    expect([phash2(a), internalHash(a)]).toEqual([phash2(b), internalHash(b)]);
    expect(phash2(c)).not.toBe(phash2(a));
  });

  it('reports a non-term at the bottom as NotATermError, not a RangeError', () => {
    const bad = fold(N, (i, a) => [i, a], {} as unknown as Term);
    const good = fold(N, (i, a) => [i, a], 0);
    expect(() => compare(bad, good)).toThrow(NotATermError);
    expect(() => formatW(bad)).toThrow(NotATermError);
    expect(() => phash2(bad)).toThrow(NotATermError);
  });
});

describe('100,000-deep maps', () => {
  const N = 100_000;
  const byValue = (leaf: Term): Term => fold(N, (i, a) => mapFromEntries([['k', a], ['n', i]]), leaf);
  const byKey = (leaf: Term): Term => fold(N, (i, a) => mapFromEntries([[a, i]]), leaf);

  for (const [name, build, text] of [
    ['values', byValue, (leaf: string) => nestText(N, (i) => `#{k => `, (i) => `,n => ${i}}`, leaf)],
    ['keys', byKey, (leaf: string) => nestText(N, () => '#{', (i) => ` => ${i}}`, leaf)],
  ] as const) {
    it(`nested in ${name}: compares, prints and hashes`, () => {
      const a = build(0);
      const b = build(0);
      const c = build(1);
      const f = build(new ErlFloat(0));
      expect([exactEquals(a, b), compare(a, b), exactEquals(a, c), compare(a, c), compare(c, a)]).toEqual([
        true, 0, false, -1, 1,
      ]);
      if (name === 'values') {
        // Values compare by the outer mode; keys always exactly.
        expect([equals(a, f), exactEquals(a, f), compare(a, f), exactCompare(a, f)]).toEqual([true, false, 0, -1]);
      } else {
        expect([equals(a, f), exactEquals(a, f), exactCompare(a, f)]).toEqual([false, false, -1]);
      }
      expect(formatW(a)).toBe(text('0'));
      expect([phash2(b), internalHash(b)]).toEqual([phash2(a), internalHash(a)]);
      expect(phash2(c)).not.toBe(phash2(a));
    });
  }

  /** Text of a term nested N levels: open(N) ... open(1) leaf close(1) ... close(N). */
  function nestText(n: number, open: (i: number) => string, close: (i: number) => string, leaf: string): string {
    const parts: string[] = [];
    for (let i = n; i >= 1; i--) parts.push(open(i));
    parts.push(leaf);
    for (let i = 1; i <= n; i++) parts.push(close(i));
    return parts.join('');
  }

  /** A hashmap (over 32 keys): 33 small keys plus `extra`. */
  const hashmap = (i: number, extra: [Term, Term][]): Term =>
    mapFromEntries([...Array.from({ length: 33 }, (_, j): [Term, Term] => [j, i]), ...extra]);

  it('hashmaps nested in values, 10,000 levels', () => {
    const build = (leaf: Term): Term => fold(10_000, (i, a) => hashmap(i, [['next', a]]), leaf);
    const a = build(0);
    const b = build(0);
    const c = build(1);
    expect([exactEquals(a, b), equals(a, b), compare(a, b)]).toEqual([true, true, 0]);
    expect([exactEquals(a, c), compare(a, c), compare(c, a)]).toEqual([false, -1, 1]);
    expect([phash2(b), internalHash(b)]).toEqual([phash2(a), internalHash(a)]);
    expect(formatW(a)).toBe(formatW(b));
  });

  /**
   * Levels whose key order needs sorting that compares the level below:
   * ordering [Below, 1] against [S, 2] compares Below with S (same size), so
   * Below must be sorted before this level can be.
   */
  function keyChain(n: number, leaf: Term, mk: (i: number, pairs: [Term, Term][]) => Term, s: Term): Term {
    return fold(n, (i, a) => mk(i, [[list([a, 1]), 'p'], [list([s, 2]), 'q']]), leaf);
  }

  it('maps that must be sorted, nested in keys, 20,000 levels', () => {
    // Maps iterating in insertion order (like a hashmap, not in key order).
    const mk = (_i: number, pairs: [Term, Term][]): Term => new InsertionOrderMap(pairs);
    const s = mk(0, [['x', 0], ['y', 0]]);
    const a = keyChain(20_000, 0, mk, s);
    const b = keyChain(20_000, 0, mk, s);
    const c = keyChain(20_000, 1, mk, s);
    expect([compare(a, b), exactCompare(b, a), compare(a, c), compare(c, a)]).toEqual([0, 0, -1, 1]);
    expect([exactEquals(a, b), equals(a, b), exactEquals(a, c)]).toEqual([true, true, false]);
    expect(phash2(b)).toBe(phash2(a));
    expect(formatW(a)).toBe(formatW(b));
  });

  it('hashmaps (over 32 keys) nested in keys, 150 levels', () => {
    // Building is quadratic: each level hashes the whole key below it.
    const s = hashmap(0, [['x', 0], ['y', 0]]);
    const a = keyChain(150, 0, hashmap, s);
    const b = keyChain(150, 0, hashmap, s);
    const c = keyChain(150, 1, hashmap, s);
    expect([compare(a, b), exactCompare(b, a), compare(a, c), compare(c, a)]).toEqual([0, 0, -1, 1]);
    expect([exactEquals(a, b), equals(a, b), exactEquals(a, c)]).toEqual([true, true, false]);
    expect([phash2(b), internalHash(b)]).toEqual([phash2(a), internalHash(a)]);
  });
});
