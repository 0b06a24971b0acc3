import { describe, expect, it } from 'vitest';
import { compare, compareAtoms, equals, exactCompare, exactEquals, sortedEntries } from '../../runtime/terms/compare.js';
import { NotATermError } from '../../runtime/terms/errors.js';
import { Cons, ErlFloat, ExportFun, NIL, Pid, Ref, list, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import { toErlSource } from '../support/erl-source.js';
import { ALL, ATOMS, FLOATS, INTEGERS, bits } from './corpus.js';
import { tmap } from './test-map.js';

const f = (x: number): ErlFloat => new ErlFloat(x);

/**
 * Ask erl for the pairwise relation of every pair of `terms`, as a binary of two
 * bytes per pair: `<` / `==` / `>` (0/1/2), and the same in map-key (exact) order,
 * read off `maps:keys/1` of a two-key small map.
 */
async function erlMatrix(terms: Term[]): Promise<Uint8Array> {
  const src =
    `L = [${terms.map(toErlSource).join(',\n')}],\n` +
    `C = fun(A, B) -> if A < B -> 0; A == B -> 1; true -> 2 end end,\n` +
    `X = fun(A, B) -> case maps:keys(#{A => 0, B => 0}) of [_] -> 1; [K | _] when K =:= A -> 0; _ -> 2 end end,\n` +
    `<< <<(C(A, B)), (X(A, B))>> || A <- L, B <- L >>`;
  const etf = await erl.eval(src);
  // BINARY_EXT: 131, 109, Len:32, Bytes
  expect([etf[0], etf[1]]).toEqual([131, 109]);
  return etf.subarray(6);
}

function mismatches(terms: Term[], m: Uint8Array): string[] {
  const bad: string[] = [];
  const n = terms.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = terms[i]!;
      const b = terms[j]!;
      const want = m[2 * (i * n + j)]! - 1;
      const wantX = m[2 * (i * n + j) + 1]! - 1;
      const got = compare(a, b);
      const gotX = exactCompare(a, b);
      const show = `${toErlSource(a).slice(0, 60)} vs ${toErlSource(b).slice(0, 60)}`;
      if (got !== want) bad.push(`compare ${show}: got ${got}, erl ${want}`);
      if (gotX !== wantX) bad.push(`exactCompare ${show}: got ${gotX}, erl ${wantX}`);
      if (equals(a, b) !== (want === 0)) bad.push(`equals ${show}`);
      if (exactEquals(a, b) !== (wantX === 0)) bad.push(`exactEquals ${show}`);
    }
  }
  return bad;
}

describe('compare against erl', () => {
  it(`agrees on every pair of ${ALL.length} hand-picked terms`, async () => {
    const m = await erlMatrix(ALL);
    expect(m.length).toBe(2 * ALL.length * ALL.length);
    const bad = mismatches(ALL, m);
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('agrees on terms nested inside tuples, lists and maps', async () => {
    const leaves: Term[] = [...INTEGERS.slice(0, 12), ...FLOATS.slice(0, 12), 'a', 'b', NIL];
    const nested: Term[] = [];
    for (const x of leaves) {
      nested.push([x], [x, 'a'], list([x, 1]), list([1], x), tmap(['k', x]), tmap([x, 'v']));
    }
    const m = await erlMatrix(nested);
    expect(mismatches(nested, m).slice(0, 20)).toEqual([]);
  });
});

describe('compare: unit rules', () => {
  it('orders the types', () => {
    const order: Term[] = [1, 'a', new Ref([1, 0, 0]), new ExportFun('m', 'f', 0), new Pid(1), [], tmap(), NIL, list([1]), bits([])];
    for (let i = 0; i + 1 < order.length; i++) {
      if (order[i] instanceof Pid) continue;
      expect(compare(order[i]!, order[i + 1]!)).toBe(-1);
      expect(compare(order[i + 1]!, order[i]!)).toBe(1);
    }
  });

  it('compares integers and floats exactly beyond 2^53', () => {
    expect(compare(2n ** 53n + 1n, f(2 ** 53))).toBe(1);
    expect(compare(f(2 ** 53), 2n ** 53n + 1n)).toBe(-1);
    expect(compare(2n ** 64n, f(2 ** 64))).toBe(0);
    expect(equals(2n ** 64n, f(2 ** 64))).toBe(true);
    expect(exactEquals(2n ** 64n, f(2 ** 64))).toBe(false);
    expect(compare(Number.MAX_SAFE_INTEGER, f(2 ** 53))).toBe(-1);
    expect(compare(-(2n ** 1100n), f(-1.7976931348623157e308))).toBe(-1);
  });

  it('puts every integer before every float in exact order', () => {
    expect(exactCompare(3, f(2))).toBe(-1);
    expect(exactCompare(2n ** 70n, f(1))).toBe(-1);
    expect(exactCompare(f(-1e300), -(2n ** 70n))).toBe(1);
    expect(exactCompare(1, 2)).toBe(-1);
    expect(exactCompare(f(1), f(1))).toBe(0);
    expect(exactEquals(f(0), f(-0))).toBe(true); // OTP 25: 0.0 =:= -0.0
  });

  it('orders atoms by code point, not UTF-16 unit', () => {
    expect(compareAtoms('\u{1F600}', '\uFFFD')).toBe(1);
    expect(compareAtoms('\uE000', '\u{10000}')).toBe(-1);
    expect(compareAtoms('a', 'ab')).toBe(-1);
    expect(compareAtoms('Z', 'a')).toBe(-1);
    const sorted = [...ATOMS].sort(compareAtoms);
    const byCodePoints = [...ATOMS].sort((x, y) => {
      const p = [...x].map((c) => c.codePointAt(0)!);
      const q = [...y].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(p.length, q.length); i++) if (p[i] !== q[i]) return p[i]! - q[i]!;
      return p.length - q.length;
    });
    expect(sorted).toEqual(byCodePoints);
  });

  it('orders bitstrings bit by bit, prefix first', () => {
    expect(compare(bits([1]), bits([0x80], 1))).toBe(-1);
    expect(compare(bits([0], 1), bits([0]))).toBe(-1);
    expect(compare(bits([0x80], 1), bits([0x80], 2))).toBe(-1);
    expect(equals(bits([1, 2, 3]), bits([1, 2, 3]))).toBe(true);
    expect(equals(bits([1, 2]), bits([1, 2, 0], 17))).toBe(false);
  });

  it('compares map keys exactly and values by the outer mode', () => {
    expect(equals(tmap([1, 'a']), tmap([f(1), 'a']))).toBe(false);
    expect(compare(tmap([1, 'a']), tmap([f(1), 'a']))).toBe(-1);
    expect(compare(tmap([2, 'a']), tmap([f(1), 'a']))).toBe(-1);
    expect(equals(tmap(['a', 1]), tmap(['a', f(1)]))).toBe(true);
    expect(exactEquals(tmap(['a', 1]), tmap(['a', f(1)]))).toBe(false);
  });

  it('sorts the entries of a large map whose iteration order is not key order', () => {
    const m = tmap(...Array.from({ length: 40 }, (_, i): [Term, Term] => [i, i]));
    expect(Array.from(m.entries())[0]![0]).toBe(39);
    expect(sortedEntries(m).map(([k]) => k)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('walks a million-element list without exhausting the stack', () => {
    let a: Term = NIL;
    let b: Term = new Cons(2, NIL);
    for (let i = 0; i < 1_000_000; i++) {
      a = new Cons(1, a);
      b = new Cons(1, b);
    }
    expect(compare(a, b)).toBe(-1);
    expect(equals(a, b)).toBe(false);
    expect(exactEquals(a, a)).toBe(true);
  });

  it('rejects non-terms with a named error', () => {
    expect(() => compare({} as unknown as Term, 1)).toThrow(NotATermError);
    expect(() => compare(undefined as unknown as Term, 1)).toThrow(NotATermError);
  });
});
