/**
 * The math BIFs against erl: every function over edge cases (zeros, signs,
 * domain limits, bignums, non-numbers) and a few hundred seeded random
 * doubles of every magnitude; results print with ~w, so every bit counts.
 *
 * erl computes with the C library (glibc), we with V8's fdlibm port: both
 * are within an ulp of the true value but not always the same double. So a
 * float result may differ from erl's by at most one ulp (erf, floor,
 * ceil, sqrt, fmod and the log2 family must be exact); everything else —
 * errors, special values, which inputs fail — must be identical.
 */
import { describe, expect, it } from 'vitest';
import { mathBifs } from '../../runtime/bifs/math.js';
import { ErlFloat, type Term } from '../../runtime/terms/types.js';
import { toErlSource } from '../support/erl-source.js';
import { erlOutcomes, outcome, pairs } from './harness.js';

const f = (x: number): ErlFloat => new ErlFloat(x);

const EDGES: Term[] = [
  'a', 0, 1, -1, 2, 3, 10, -7, 710, -710, 1000, 2n ** 64n, -(2n ** 70n), 2n ** 1023n, 2n ** 1024n, -(2n ** 1100n),
  f(0), f(-0), f(0.5), f(-0.5), f(1), f(-1), f(1.5), f(2.5), f(-2.5), f(0.84375), f(1.25), f(2.857), f(6), f(-6),
  f(27.9), f(28), f(-30), f(1e-300), f(5e-324), f(-5e-324), f(1e308), f(-1e308), f(Number.MAX_VALUE), f(Math.PI),
  f(Math.PI / 2), f(709.78), f(709.79), f(-745.2), f(1e-10), f(3e-9), [], 'x',
];

/** xorshift32: the same doubles on every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

/** Random doubles with exponents spread over [-lo, hi] (and both signs). */
function randomDoubles(n: number, lo: number, hi: number, seed: number): Term[] {
  const r = seeded(seed);
  const out: Term[] = [];
  for (let i = 0; i < n; i++) {
    const sign = r() < 0.5 ? -1 : 1;
    out.push(f(sign * (1 + r()) * 2 ** Math.floor(-lo + r() * (lo + hi))));
  }
  return out;
}

const UNARY = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh',
  'exp', 'log', 'log2', 'log10', 'sqrt', 'erf', 'erfc', 'ceil', 'floor'];

/** The distance in ulps between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const v = new DataView(new ArrayBuffer(16));
  v.setFloat64(0, a);
  v.setFloat64(8, b);
  const d = v.getBigInt64(0) - v.getBigInt64(8);
  return Number(d < 0n ? -d : d);
}

const OK_FLOAT = /^\{ok,(-?[0-9.e+-]+)\}$/;

/**
 * Rows of `math:fn` where ours and erl's outcomes differ by more than
 * `maxUlps` (errors must be identical), plus how many differ at all.
 */
async function compareMath(fn: string, rows: Term[][], maxUlps: number): Promise<{ bad: string[]; inexact: number }> {
  const bif = mathBifs.get(`${fn}/${rows[0]!.length}`)!;
  const calls = rows.map((r) => `math:${fn}(${r.map(toErlSource).join(', ')})`);
  const want = await erlOutcomes(calls);
  const bad: string[] = [];
  let inexact = 0;
  rows.forEach((row, i) => {
    const got = outcome(bif, row);
    if (got === want[i]) return;
    const g = OK_FLOAT.exec(got);
    const w = OK_FLOAT.exec(want[i]!);
    if (g && w && ulps(Number(g[1]), Number(w[1])) <= maxUlps) inexact++;
    else bad.push(`${calls[i]}: got ${got}, erl ${want[i]}`);
  });
  return { bad, inexact };
}

const EXACT = new Set(['erf', 'floor', 'ceil', 'sqrt', 'fmod', 'log2', 'atanh']);

describe('math against erl', () => {
  const wide = randomDoubles(300, 40, 40, 12345);
  const narrow = randomDoubles(300, 4, 6, 777);
  for (const fn of UNARY) {
    it(`${fn}/1 (${EDGES.length + 600} cases)`, async () => {
      const rows = [...EDGES, ...wide, ...narrow].map((x) => [x]);
      const { bad, inexact } = await compareMath(fn, rows, EXACT.has(fn) ? 0 : 1);
      expect(bad).toEqual([]);
      expect(inexact).toBeLessThan(rows.length / 5);
    });
  }

  const small: Term[] = [
    'a', 0, 1, -1, 2, -3, 10, 1000, 2n ** 64n, 2n ** 1024n, f(0), f(-0), f(0.5), f(-0.5), f(2), f(-2.5),
    f(1e308), f(1e-308), f(5e-324), f(0.1), f(3), f(-1e10), f(1 / 3),
  ];
  for (const fn of ['atan2', 'pow', 'fmod']) {
    it(`${fn}/2 (${small.length ** 2 + 400} cases)`, async () => {
      const rnd = randomDoubles(400, 8, 8, fn.length * 99);
      const rows = [...pairs(small), ...pairs(rnd.slice(0, 20), rnd.slice(20, 40))];
      const { bad, inexact } = await compareMath(fn, rows, EXACT.has(fn) ? 0 : 1);
      expect(bad).toEqual([]);
      expect(inexact).toBeLessThan(rows.length / 5);
    });
  }
});
