/**
 * Comparison operators, boolean operators and type tests against erl, over
 * the shared term corpus (test/terms/corpus.ts).
 */
import { describe, expect, it } from 'vitest';
import { erlangBifs } from '../../runtime/bifs/erlang.js';
import { ErlFloat, ExportFun, Fun, Pid, list, type Term } from '../../runtime/terms/types.js';
import { ALL } from '../terms/corpus.js';
import { compareTable, pairs } from './harness.js';

const local = ALL.filter((t) => !(typeof t === 'object' && t !== null && 'node' in t && (t as Pid).node !== 'nonode@nohost'));
/** Every 6th corpus term, plus some numbers that compare equal across types. */
const SAMPLE: Term[] = [
  ...local.filter((_, i) => i % 6 === 0),
  1, new ErlFloat(1), 2n ** 60n, new ErlFloat(2 ** 60), new ErlFloat(-0), 0, 'true', 'false',
];

describe('comparisons against erl', () => {
  for (const op of ['==', '/=', '=:=', '=/=', '<', '>', '=<', '>=']) {
    it(`${op}/2 over ${SAMPLE.length ** 2} pairs`, async () => {
      expect(await compareTable('erlang', op, erlangBifs, pairs(SAMPLE))).toEqual([]);
    });
  }
});

describe('boolean operators against erl', () => {
  const B: Term[] = ['true', 'false', 'x', 1, list([])];
  for (const op of ['and', 'or', 'xor']) {
    it(`${op}/2, both arguments checked`, async () => {
      expect(await compareTable('erlang', op, erlangBifs, pairs(B))).toEqual([]);
    });
  }
  it('not/1', async () => {
    expect(await compareTable('erlang', 'not', erlangBifs, B.map((b) => [b]))).toEqual([]);
  });
});

describe('type tests against erl', () => {
  const TESTS = [
    'is_atom', 'is_binary', 'is_bitstring', 'is_boolean', 'is_float', 'is_function', 'is_integer',
    'is_list', 'is_map', 'is_number', 'is_pid', 'is_port', 'is_reference', 'is_tuple',
  ];
  for (const t of TESTS) {
    it(`${t}/1 over ${ALL.length} corpus terms`, async () => {
      expect(await compareTable('erlang', t, erlangBifs, ALL.map((x) => [x]))).toEqual([]);
    });
  }

  const self = new Pid(0, 0);
  const funs: Term[] = [
    new ExportFun('lists', 'map', 2), new ExportFun('m', 'f', 0),
    new Fun('zzz', 0, new Uint8Array(16), 0, 7, 1, [], self), new Fun('zzz', 1, new Uint8Array(16), 1, 7, 0, [3], self),
  ];
  const arities: Term[] = [0, 1, 2, 255, 256, -1, 2n ** 70n, -(2n ** 70n), new ErlFloat(1), 'a'];
  it(`is_function/2 over ${(funs.length + 2) * arities.length} pairs`, async () => {
    expect(await compareTable('erlang', 'is_function', erlangBifs, pairs([...funs, 'a', [1]], arities))).toEqual([]);
  });

  const records: Term[] = [['rec', 1, 2], ['rec'], ['other', 1], [], 'rec', list(['rec', 1]), [1, 'rec']];
  it('is_record/2,3', async () => {
    expect(await compareTable('erlang', 'is_record', erlangBifs, pairs(records, ['rec', 'other', 1, [1]]))).toEqual([]);
    const sizes: Term[] = [0, 1, 2, 3, -1, 2n ** 70n, new ErlFloat(3), 'a'];
    const rows = records.flatMap((r) => sizes.flatMap((s) => [[r, 'rec', s], [r, 7, s]]));
    expect(await compareTable('erlang', 'is_record', erlangBifs, rows)).toEqual([]);
  });
});
