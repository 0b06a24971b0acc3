import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { both, compileErl, otp, stdlib, type Compiled } from './harness.js';

const source = readFileSync(join(import.meta.dirname, 'erl', 'cg_bin.erl'), 'utf8');
const tests = [...source.matchAll(/^(t_[a-z_0-9]+)\(\) ->/gm)].map((m) => m[1]!);

// OTP 25 builds binaries with bs_create_bin; +r24 with bs_init2/bs_put_*/bs_append (OTP <= 24, Elixir 1.14).
for (const flags of [[], ['+r24']]) {
  describe(`cg_bin ${flags.join(' ') || 'OTP 25'}: BEAM and beamjs agree`, () => {
    let c: Compiled;
    let deps: Compiled[];
    beforeAll(async () => {
      c = await compileErl(source, flags);
      deps = [...(await stdlib()), await otp('binary')];
    });
    it('has tests', () => expect(tests.length).toBeGreaterThan(20));
    for (const t of tests) {
      it(t, async () => {
        const [ours, theirs] = await both(c, t, deps);
        expect(ours).toBe(theirs);
      });
    }
  });
}
