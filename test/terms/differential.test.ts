/**
 * Differential property tests of the term model against BEAM: thousands of
 * random terms of every type (test/support/arbitrary.ts), and for each the
 * external term format bytes (plain, deterministic, minor_version 1,
 * compressed), binary_to_term of BEAM's bytes, phash2, ~w printing, ==/=:=
 * and the term order (lists:sort) must be identical to what erl computes.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { erl } from '../support/erl.js';
import { ATOMS, arbTerm, numericTwin } from '../support/arbitrary.js';
import { pinAtoms } from './hash-support.js';
import { toErlSource } from '../support/erl-source.js';
import type { Term } from '../../runtime/terms/types.js';
import { termToBinary, binaryToTerm } from '../../runtime/terms/etf.js';
import { phash2 } from '../../runtime/terms/hash.js';
import { formatW } from '../../runtime/terms/print.js';
import { compare, equals, exactEquals } from '../../runtime/terms/compare.js';

const BATCHES = 20;
const BATCH = 150;

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function sample(seed: number): Term[] {
  return fc.sample(arbTerm, { seed, numRuns: BATCH });
}

interface Reference {
  ttb: string;
  det: string;
  v1: string;
  zip: string;
  hash: number;
  hashRange: number;
  w: string;
}

/** One request: for each term, a line of tab-separated fields computed by erl. */
async function reference(terms: Term[]): Promise<Reference[]> {
  const src = `[${terms.map(toErlSource).join(',\n')}]`;
  const text = await erl.text(
    `Hex = fun(B) -> binary:encode_hex(B) end,
     [[Hex(term_to_binary(T)), $\\t,
       Hex(term_to_binary(T, [deterministic])), $\\t,
       Hex(term_to_binary(T, [{minor_version, 1}])), $\\t,
       Hex(term_to_binary(T, [compressed])), $\\t,
       integer_to_list(erlang:phash2(T)), $\\t,
       integer_to_list(erlang:phash2(T, 1 bsl 32)), $\\t,
       io_lib:format("~w", [T]), $\\n] || T <- ${src}]`,
  );
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => {
      const [ttb, det, v1, zip, hash, hashRange, w] = line.split('\t');
      return {
        ttb: ttb!.toLowerCase(), det: det!.toLowerCase(), v1: v1!.toLowerCase(), zip: zip!.toLowerCase(),
        hash: Number(hash), hashRange: Number(hashRange), w: w!,
      };
    });
}

describe('terms against BEAM (random, fast-check)', () => {
  // Before any large map is built: hashmap order depends on atom-table slots.
  beforeAll(() => pinAtoms(ATOMS));
  for (let batch = 0; batch < BATCHES; batch++) {
    it(`batch ${batch}: term_to_binary, binary_to_term, phash2, ~w`, async () => {
      const terms = sample(1000 + batch);
      const refs = await reference(terms);
      expect(refs.length).toBe(terms.length);
      terms.forEach((t, i) => {
        const r = refs[i]!;
        const ctx = `term #${i}: ${r.w}`;
        expect(formatW(t), ctx).toBe(r.w);
        expect(hex(termToBinary(t).bytes), ctx).toBe(r.ttb);
        expect(hex(termToBinary(t, { deterministic: true }).bytes), ctx).toBe(r.det);
        expect(hex(termToBinary(t, { minorVersion: 1 }).bytes), ctx).toBe(r.v1);
        expect(hex(termToBinary(t, { compressed: 6 }).bytes), ctx).toBe(r.zip);
        expect(phash2(t), ctx).toBe(r.hash);
        expect(phash2(t, 2 ** 32), ctx).toBe(r.hashRange);
        const back = binaryToTerm(Buffer.from(r.ttb, 'hex'));
        expect(exactEquals(back, t), ctx).toBe(true);
        expect(formatW(back), ctx).toBe(r.w);
      });
    });
  }

  for (let batch = 0; batch < 6; batch++) {
    it(`batch ${batch}: ==, =:= and the term order (lists:sort)`, async () => {
      const base = sample(5000 + batch);
      let k = batch;
      const flip = () => (k = (k * 1103515245 + 12345) % 2147483648) % 3 === 0;
      // Pairs of (term, twin): equal under ==, maybe not under =:=.
      const twins = base.map((t) => numericTwin(t, flip));
      const all = [...base, ...twins];
      const src = `[${all.map(toErlSource).join(',\n')}]`;
      const n = base.length;
      const text = await erl.text(
        `L = ${src}, {A, B} = lists:split(${n}, L),
         Eq = [[case X == Y of true -> $1; false -> $0 end,
                case X =:= Y of true -> $1; false -> $0 end,
                case X < Y of true -> $1; false -> $0 end] || {X, Y} <- lists:zip(A, B)],
         Adj = [[case X == Y of true -> $1; false -> $0 end,
                 case X < Y of true -> $1; false -> $0 end] || {X, Y} <- lists:zip(A, tl(A) ++ [hd(A)])],
         Order = [integer_to_list(I) ++ " " || {_, I} <- lists:sort(lists:zip(L, lists:seq(0, length(L) - 1)))],
         [Eq, $\\n, Adj, $\\n, Order]`,
      );
      const [eq, adj, order] = text.split('\n');
      const bit = (b: boolean) => (b ? '1' : '0');
      const ours = base
        .map((x, i) => bit(equals(x, twins[i]!)) + bit(exactEquals(x, twins[i]!)) + bit(compare(x, twins[i]!) < 0))
        .join('');
      expect(ours).toBe(eq);
      const oursAdj = base
        .map((x, i) => {
          const y = base[(i + 1) % n]!;
          return bit(equals(x, y)) + bit(compare(x, y) < 0);
        })
        .join('');
      expect(oursAdj).toBe(adj);
      const idx = all.map((_, i) => i);
      idx.sort((i, j) => compare(all[i]!, all[j]!) || i - j);
      expect(idx.map((i) => `${i} `).join('')).toBe(order);
    });
  }
});
