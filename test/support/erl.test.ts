import { describe, expect, it } from 'vitest';
import { erl } from '../support/erl.js';

describe('erl reference server', () => {
  it('evaluates expressions and returns chardata', async () => {
    expect(await erl.text('io_lib:format("~w", [{a, [1,2], <<3>>}])')).toBe('{a,[1,2],<<3>>}');
  });
  it('returns term_to_binary bytes', async () => {
    expect(Array.from(await erl.eval('X = 1, X + 1'))).toEqual([131, 97, 2]);
  });
  it('reports Erlang errors as rejections', async () => {
    await expect(erl.text('1 = 2')).rejects.toThrow(/badmatch/);
  });
  it('pipelines requests in order', async () => {
    const rs = await Promise.all([1, 2, 3, 4, 5].map((i) => erl.text(`integer_to_list(${i} * 10)`)));
    expect(rs).toEqual(['10', '20', '30', '40', '50']);
  });
});
