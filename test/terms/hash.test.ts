/**
 * phash2/1,2, phash/2 and the VM-internal hash against BEAM (OTP 25), over
 * random terms of every type and hand-picked edge cases.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { erl } from '../support/erl.js';
import { arbTerm } from '../support/arbitrary.js';
import { toErlSource } from '../support/erl-source.js';
import { internalHash, phash, phash2 } from '../../runtime/terms/hash.js';
import { atomTextHash } from '../../runtime/terms/hash-mix.js';
import { mapFromEntries } from '../../runtime/terms/map.js';
import { TermBadArg } from '../../runtime/terms/errors.js';
import {
  BitString, Cons, ErlFloat, ExportFun, Fun, NIL, Pid, Port, Ref, binary, charlist, list, utf8Binary,
  type Term,
} from '../../runtime/terms/types.js';
import { TEST_ATOMS, atomsOf, genTerm, pinAtoms, rng } from './hash-support.js';

const PID = new Pid(7, 1);
const fun = (mod: string, index: number, oldIndex: number, oldUniq: number, env: Term[], arity = 1): Fun =>
  new Fun(mod, index, new Uint8Array(16).fill(3), oldIndex, oldUniq, arity, env, PID);

/** The atoms in `edgeTerms()` (listed, as building its maps hashes them). */
const EDGE_ATOMS = ['a', 'b', 'x', '', 'é', 'ünïcödé', '日本', 'Ā', '\u{1F600}', 'foo', 'bar'];

/** Terms that exercise each branch of the hash functions. */
function edgeTerms(): Term[] {
  const ints: Term[] = [0, 1, -1, 255, 256, 2 ** 27 - 1, 2 ** 27, -(2 ** 27), -(2 ** 27) - 1, 2 ** 31, -(2 ** 31),
    2 ** 32 - 1, 2 ** 32, -(2 ** 32), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2n ** 53n, 2n ** 59n - 1n,
    -(2n ** 59n), 2n ** 59n, -(2n ** 59n) - 1n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 64n, -(2n ** 64n), 3n ** 100n,
    -(7n ** 300n)];
  const floats = [0, -0, 1, -1, 0.5, 5e-324, 1.7976931348623157e308, -2.5e-300, 123456789.125].map((x) => new ErlFloat(x));
  const bins: Term[] = [0, 1, 4, 11, 12, 13, 23, 24, 25, 100].map((n) =>
    binary(Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff)),
  );
  for (let bits = 1; bits <= 7; bits++) {
    bins.push(new BitString(Uint8Array.of(0xff & (0xff << (8 - bits))), bits));
    bins.push(new BitString(Uint8Array.of(1, 2, 3, 0x80), 24 + bits));
  }
  const lists: Term[] = [NIL, charlist('a'), charlist('ab'), charlist('abc'), charlist('abcd'), charlist('abcde'),
    charlist('hello world!'), list([1, 2, 256, 3]), list([300]), list([1, 2], 3), new Cons(NIL, NIL),
    list([NIL, NIL]), new Cons(1, new Cons(2, 'x')), list([list([1]), list([])]), list(Array.from({ length: 5000 }, (_, i) => i % 300))];
  const others: Term[] = [[], [NIL], ['a', NIL], ['a', 'b'], 'a', '', 'é', 'ünïcödé', '日本', 'Ā', '\u{1F600}',
    new Pid(0, 0), new Pid(32767, 8191), new Pid(5, 3, 'other@host', 2), new Port(0), new Port(70000),
    new Port(12, 'other@host', 1), new Ref([1, 2, 3]), new Ref([262143, 0xffffffff, 7], 'other@host', 3),
    new ExportFun('lists', 'map', 2), new ExportFun('my mod', 'Weird', 0),
    fun('foo', 0, 0, 1, []), fun('foo', 3, 7, 99, [1, new ErlFloat(2.5), charlist('xy')], 2),
    fun('bar', 12, 1, 4000000000, [['a', 1]], 0), utf8Binary('text'),
    mapFromEntries([]), mapFromEntries([[1, 2]]), mapFromEntries([['a', mapFromEntries([['b', NIL]])], [NIL, 1]]),
    mapFromEntries(Array.from({ length: 40 }, (_, i): [Term, Term] => [i, [i, mapFromEntries([[i, i]])]])),
    [mapFromEntries([[1, 2]]), mapFromEntries([[1, 2]]), list([mapFromEntries([])])]];
  return [...ints, ...floats, ...bins, ...lists, ...others];
}

interface Ref3 {
  h: number;
  h32: number;
  h1000: number;
  p: number;
  p7: number;
}

/** phash2/1, phash2/2 (two ranges) and phash/2 (two ranges) from erl. */
async function portable(terms: Term[]): Promise<Ref3[]> {
  const text = await erl.text(
    `[[integer_to_list(erlang:phash2(T)), $\\s, integer_to_list(erlang:phash2(T, 1 bsl 32)), $\\s,
       integer_to_list(erlang:phash2(T, 1000)), $\\s, integer_to_list(erlang:phash(T, 1 bsl 32)), $\\s,
       integer_to_list(erlang:phash(T, 7)), $\\n] || T <- [${terms.map(toErlSource).join(',\n')}]]`,
  );
  return text
    .trim()
    .split('\n')
    .map((l) => {
      const [h, h32, h1000, p, p7] = l.split(' ').map(Number);
      return { h: h!, h32: h32!, h1000: h1000!, p: p!, p7: p7! };
    });
}

function checkPortable(terms: Term[], refs: Ref3[]): number {
  expect(refs.length).toBe(terms.length);
  terms.forEach((t, i) => {
    const r = refs[i]!;
    const mine = { h: phash2(t), h32: phash2(t, 2 ** 32), h1000: phash2(t, 1000), p: phash(t, 2 ** 32), p7: phash(t, 7) };
    if (JSON.stringify(mine) !== JSON.stringify(r)) {
      expect({ term: toErlSource(t), ...mine }).toEqual({ term: toErlSource(t), ...r });
    }
  });
  return terms.length;
}

// Pin atom indices before anything hashes an atom (see hash-support.ts).
beforeAll(async () => {
  await pinAtoms([...new Set([...TEST_ATOMS, ...EDGE_ATOMS])]);
});

describe('phash2 and phash', () => {
  it('match BEAM on edge cases of every type', async () => {
    const terms = edgeTerms();
    expect(checkPortable(terms, await portable(terms))).toBeGreaterThan(100);
  });

  it('match BEAM on 3000 random terms', async () => {
    for (let seed = 1; seed <= 10; seed++) {
      const terms = fc.sample(arbTerm, { seed, numRuns: 300 });
      checkPortable(terms, await portable(terms));
    }
  });

  it('hash atoms by their text, folding two-byte Latin-1 sequences', () => {
    expect(phash2('a')).toBe(97);
    expect(atomTextHash('ab')).toBe(97 * 16 + 98);
    // 'é' is UTF-8 C3 A9, hashed as the single byte E9.
    expect(atomTextHash('é')).toBe(0xe9);
    expect(phash2('é')).toBe(0xe9);
  });

  it('treat -0.0 as 0.0 and keep 1 and 1.0 apart', () => {
    expect(phash2(new ErlFloat(-0))).toBe(phash2(new ErlFloat(0)));
    expect(phash2(new ErlFloat(1))).not.toBe(phash2(1));
  });

  it('reject ranges outside 1..2^32 with badarg', () => {
    for (const r of [0, -1, 2 ** 32 + 1, 1.5]) {
      expect(() => phash2(1, r)).toThrow(TermBadArg);
      expect(() => phash(1, r)).toThrow(TermBadArg);
    }
    expect(phash2(12345, 1)).toBe(0);
    expect(phash('x', 1)).toBe(1);
    expect(phash2(12345, 2n ** 32n)).toBe(phash2(12345, 2 ** 32));
  });

  it('hash a long list without deep recursion', () => {
    let l: Term = NIL;
    for (let i = 0; i < 200_000; i++) l = new Cons([i], l);
    expect(phash2(l)).toBeGreaterThanOrEqual(0);
    expect(phash(l, 100)).toBeGreaterThanOrEqual(1);
  });
});

describe('internal hash (make_internal_hash)', () => {
  async function internal(terms: Term[]): Promise<number[]> {
    const text = await erl.text(
      `erts_debug:set_internal_state(available_internal_state, true),
       lists:join(" ", [integer_to_list(erts_debug:get_internal_state({internal_hash, T}))
                        || T <- [${terms.map(toErlSource).join(',\n')}]])`,
    );
    return text.split(' ').map(Number);
  }

  it('matches BEAM on 2000 random terms (ints, atoms, floats, binaries, lists, pids, refs, funs, maps)', async () => {
    const r = rng(42);
    const terms = Array.from({ length: 2000 }, () => genTerm(r, (es) => mapFromEntries(es)));
    for (const t of terms) for (const a of atomsOf(t)) expect(TEST_ATOMS).toContain(a);
    const ref = await internal(terms);
    const bad = terms.filter((t, i) => internalHash(t) !== ref[i]).map(toErlSource);
    expect(bad).toEqual([]);
  });

  it('matches BEAM on edge cases', async () => {
    const terms = edgeTerms().filter(
      (t) => !(t instanceof ExportFun) && !((t instanceof Pid || t instanceof Port || t instanceof Ref) && t.node !== 'nonode@nohost'),
    );
    for (const t of terms) for (const a of atomsOf(t)) expect(EDGE_ATOMS).toContain(a);
    const ref = await internal(terms);
    const bad = terms.filter((t, i) => internalHash(t) !== ref[i]).map(toErlSource);
    expect(bad).toEqual([]);
  });

  it('uses the salt', () => {
    expect(internalHash(1, 1)).not.toBe(internalHash(1, 0));
    expect(internalHash(new ErlFloat(-0))).toBe(internalHash(new ErlFloat(0)));
  });
});
