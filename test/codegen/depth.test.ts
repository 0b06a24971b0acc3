/**
 * Native stack depth: a reduction budget (4000 function entries) bounds how
 * many compiled frames can be on the JS stack at once; these programs go far
 * deeper, so they only work if a budget's worth of frames fits in Node's
 * default stack (and the rest moves to the heap as saved frames).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { both, compileErl, type Compiled } from './harness.js';

const source = readFileSync(join(import.meta.dirname, 'erl', 'cg_depth.erl'), 'utf8');

describe('deep recursion', () => {
  let c: Compiled;
  beforeAll(async () => {
    c = await compileErl(source);
  });
  for (const t of ['t_narrow', 't_wide']) {
    it(t, async () => {
      const [ours, theirs] = await both(c, t);
      expect(ours).toBe(theirs);
    });
  }
});
