/**
 * string:list_to_integer/1 and string:list_to_float/1 against erl: fixed
 * tables of the odd cases (signs, exponents, improper lists, non-bytes) and
 * random strings over the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringBifs } from '../../runtime/bifs/string.js';
import { BitString, Cons, ErlFloat, NIL, list, type Term } from '../../runtime/terms/types.js';
import { compareTable } from './harness.js';

const str = (text: string, tail: Term = NIL): Term => list(Array.from(text, (c) => c.codePointAt(0)!), tail);

const TEXTS = [
  '', '0', '12', '-0', '+5', '-', '+', '+-1', '-+1', '12a', '007x', ' 5', '5 ', '1e5', '0x1F', '99999999999999999999',
  '-123456789012345678901234567890abc', '1.5', '1,5', '1.', '.5', '-.5', '1.5e3', '1.5E-3', '1.5e+3x', '1.5e', '1.5e+',
  '1.5e-', '1.5e+-', '1.5ee', '1.5e.', '1.5e+.', '1.5e+e', '1-', '1.-', '1.5-', '1.5.3', '+1.5', '-1.5', '--1.5',
  '1.5e999', '1.0e-400', '2.5e308', '0.0', '-0.0', '1.23456789012345678901234567890', '12.34.56', '1.5e3.2', '1.5x',
];

const ODD: Term[] = [
  NIL, 'abc', 5, new ErlFloat(1), new BitString(Uint8Array.from([49]), 8), str('12', 'foo'), str('1.5', 'foo'),
  str('-', 'foo'), str('1.5e', 'x'), list([305]), list([-207]), list([49, 305, 2n ** 60n]), list([49, 46, 53 + 256]),
  list([49, 2n ** 55n]), list([45, 49, 46, 53, -1]), list([49, 46, 53, 101, 'a']), list(['a', 49]), list([48 + 2 ** 40]),
  new Cons(49, 50), list([49, 46, 53], new Cons(101, 53)),
];

const ROWS: Term[][] = [...TEXTS.map((t) => [str(t)]), ...ODD.map((t) => [t])];

describe('string BIFs against erl', () => {
  it('list_to_integer/1', async () => {
    expect(await compareTable('string', 'list_to_integer', stringBifs, ROWS)).toEqual([]);
  });

  it('list_to_float/1', async () => {
    expect(await compareTable('string', 'list_to_float', stringBifs, ROWS)).toEqual([]);
  });

  it('random number-ish strings', async () => {
    const chars = fc.constantFrom(...'0123456789+-.,eEx '.split(''));
    const texts = fc.sample(fc.array(chars, { maxLength: 10 }).map((cs) => [str(cs.join(''))]), { numRuns: 300, seed: 77 });
    expect(await compareTable('string', 'list_to_integer', stringBifs, texts)).toEqual([]);
    expect(await compareTable('string', 'list_to_float', stringBifs, texts)).toEqual([]);
  });
});
