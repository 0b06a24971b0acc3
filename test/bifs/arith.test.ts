/**
 * Arithmetic BIFs against erl: every operator over a grid of integers
 * (small, at the 2^53 boundary, bignums), floats (signed zeros, extremes,
 * subnormals) and non-numbers.
 */
import { describe, expect, it } from 'vitest';
import { erlangBifs } from '../../runtime/bifs/erlang.js';
import { ErlFloat, type Term } from '../../runtime/terms/types.js';
import { compareTable, pairs, type Post } from './harness.js';

const f = (x: number): ErlFloat => new ErlFloat(x);

const INTS: Term[] = [
  0, 1, -1, 7, -7, 255, 2 ** 31, -(2 ** 31), 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER,
  2n ** 53n, -(2n ** 53n), 2n ** 64n + 1n, -(2n ** 64n), 10n ** 30n, -(2n ** 100n) + 3n,
];
const FLOATS: Term[] = [
  f(0), f(-0), f(1.5), f(-2.5), f(0.1), f(1e308), f(-1e308), f(5e-324), f(2 ** 53), f(1e16), f(123.456),
];
const OTHERS: Term[] = ['a', [], [1]];
const NUMS = [...INTS, ...FLOATS, ...OTHERS];

const BINARY_OPS = ['+', '-', '*', '/', 'div', 'rem', 'band', 'bor', 'bxor'];

describe('erlang arithmetic against erl', () => {
  for (const op of BINARY_OPS) {
    it(`${op}/2 over ${NUMS.length ** 2} pairs`, async () => {
      expect(await compareTable('erlang', op, erlangBifs, pairs(NUMS))).toEqual([]);
    });
  }

  it('big_to_double rounding: integer/float mixing takes BEAM\'s digits, not JS\'s', async () => {
    const bigs: Term[] = [
      2n ** 128n + 2n ** 75n + 1n, -(2n ** 128n + 2n ** 75n + 1n), 2n ** 64n + 2n ** 11n + 1n,
      2n ** 1023n * 3n / 2n + 12345n, 2n ** 1024n - 1n, 2n ** 1024n - 2n ** 970n, 2n ** 1024n - 2n ** 971n,
      (2n ** 200n - 1n) * 3n, 2n ** 53n + 1n, 2n ** 63n - 1n,
    ];
    const rows = bigs.flatMap((b) => [[b, f(0)], [b, f(1.5)], [f(-0.5), b]]);
    expect(await compareTable('erlang', '+', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', '*', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', '/', erlangBifs, rows)).toEqual([]);
    expect(await compareTable('erlang', 'float', erlangBifs, bigs.map((b) => [b]))).toEqual([]);
  });

  const SHIFTS: Term[] = [
    0, 1, -1, 3, 31, 32, 52, 53, 63, 64, 65, 100, -3, -31, -64, -100, 2 ** 26, 33554367, 33554368,
    33554369, -33554368, 2n ** 70n, -(2n ** 70n), f(1), 'a',
  ];
  const SHIFTED: Term[] = [0, 1, -1, 5, -5, 2 ** 52 + 3, -(2 ** 52) - 3, 2n ** 70n + 9n, -(2n ** 70n) - 9n, f(1), 'a'];
  /** Huge results are compared through their size and a hash, not printed. */
  const digest: Post = {
    erl: 'fun(X) when is_integer(X) -> {bit_size(binary:encode_unsigned(abs(X))), X rem 1000000007}; (X) -> X end',
    js: (x) => {
      if (typeof x !== 'number' && typeof x !== 'bigint') return x;
      const b = BigInt(x);
      const abs = b < 0n ? -b : b;
      const bits = abs === 0n ? 8 : Math.ceil(abs.toString(16).length / 2) * 8;
      const r = b % 1000000007n;
      return [bits, Number(r)];
    },
  };

  for (const op of ['bsl', 'bsr']) {
    it(`${op}/2 over ${SHIFTED.length * SHIFTS.length} pairs, including system_limit`, async () => {
      expect(await compareTable('erlang', op, erlangBifs, pairs(SHIFTED, SHIFTS), digest)).toEqual([]);
    });
  }

  it('results at the bignum size limit raise system_limit', async () => {
    // Printed in full these would be 10 million digits: erl builds them itself.
    const near = 2n ** 33554366n;
    const big = (v: bigint, text: string): [bigint, string] => [v, text];
    const N = big(near, '(1 bsl 33554366)');
    const TOP = big(near * 4n - 1n, '((((1 bsl 33554367) - 1) bsl 1) + 1)');
    const HALF = big(near * 2n - 1n, '((1 bsl 33554367) - 1)');
    const row = (op: string, a: [bigint, string] | number, b: [bigint, string] | number) => ({
      args: [typeof a === 'number' ? a : a[0], typeof b === 'number' ? b : b[0]],
      erl: `erlang:'${op}'(${typeof a === 'number' ? a : a[1]}, ${typeof b === 'number' ? b : b[1]})`,
    });
    expect(await compareTable('erlang', '*', erlangBifs, [row('*', N, 2), row('*', N, 4), row('*', N, -4)], digest)).toEqual([]);
    expect(await compareTable('erlang', '+', erlangBifs, [row('+', HALF, HALF), row('+', TOP, 1), row('+', TOP, -1), row('+', HALF, 1)], digest)).toEqual([]);
    expect(await compareTable('erlang', '-', erlangBifs, [row('-', 0, TOP), row('-', -1, TOP), row('-', 1, TOP)], digest)).toEqual([]);
  });

  const UNARY = ['-', '+', 'bnot', 'abs', 'float', 'trunc', 'round', 'floor', 'ceil'];
  const ROUNDING: Term[] = [
    f(2.5), f(-2.5), f(0.5), f(-0.5), f(1.5), f(0.49999999999999994), f(-0.49999999999999994), f(1e20),
    f(-1e20), f(4503599627370495.5), f(-4503599627370495.5), f(1.7976931348623157e308), f(-0.0), f(9007199254740993),
  ];
  for (const op of UNARY) {
    it(`${op}/1 over ${NUMS.length + ROUNDING.length} values`, async () => {
      const rows = [...NUMS, ...ROUNDING].map((x) => [x]);
      expect(await compareTable('erlang', op, erlangBifs, rows)).toEqual([]);
    });
  }
});
