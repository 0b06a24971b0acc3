import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { both, compileErl, stdlib, type Compiled } from './harness.js';

const source = readFileSync(join(import.meta.dirname, 'erl', 'cg_misc.erl'), 'utf8');
const tests = [...source.matchAll(/^(t_[a-z_0-9]+)\(\) ->/gm)].map((m) => m[1]!);

// +r22 makes OTP 25's erlc emit the oldest loadable forms (make_fun2, allocate_zero).
for (const flags of [[], ['+r22']]) {
  describe(`cg_misc ${flags.join(' ') || 'OTP 25'}: BEAM and beamjs agree`, () => {
    let c: Compiled;
    let deps: Compiled[];
    beforeAll(async () => {
      c = await compileErl(source, flags);
      deps = await stdlib();
    });
    for (const t of tests) {
      it(t, async () => {
        const [ours, theirs] = await both(c, t, deps);
        expect(ours).toBe(theirs);
      });
    }
  });
}
