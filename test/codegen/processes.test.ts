import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { both, compileErl, stdlib, type Compiled } from './harness.js';

const source = readFileSync(join(import.meta.dirname, 'erl', 'cg_proc.erl'), 'utf8');
const tests = [...source.matchAll(/^(t_[a-z_0-9]+)\(\) ->/gm)].map((m) => m[1]!);

describe('cg_proc: BEAM and beamjs agree', () => {
  let c: Compiled;
  let deps: Compiled[];
  beforeAll(async () => {
    c = await compileErl(source);
    deps = await stdlib();
  });
  it('has tests', () => expect(tests.length).toBeGreaterThan(15));
  for (const t of tests) {
    it(t, async () => {
      const [ours, theirs] = await both(c, t, deps);
      expect(ours).toBe(theirs);
    });
  }
});
