/**
 * The fast paths added for the benchmarks (bench/programs.ts) against BEAM:
 * int32 `+`/`-` (register and literal forms, bodies and guards, across the
 * int32, safe-integer and bignum boundaries), local calls that skip the TAIL
 * check next to ones that must keep it (tail calls to local, external,
 * apply and fun targets), the send instruction to every kind of
 * destination, receive scans that skip messages (structured receive loops),
 * and exceptions leaving a frame that was resumed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { both, compileErl, stdlib, type Compiled } from './harness.js';

const source = readFileSync(join(import.meta.dirname, 'erl', 'cg_perf.erl'), 'utf8');

describe('fast paths of generated code agree with BEAM', () => {
  let c: Compiled;
  let deps: Compiled[];
  beforeAll(async () => {
    c = await compileErl(source);
    deps = await stdlib();
  });

  it('compiled local calls skip the TAIL check only for callees that never return TAIL', () => {
    // leaf/1 cannot return TAIL, nor can tail_local/1 (its tail call to leaf/1
    // is a direct JS call); tail_ext/1 hands lists:reverse/1 to the trampoline,
    // and tail_via/1 returns what tail_ext/1 returns.
    expect(c.js).toMatch(/x0 = leaf\$1\(p, x0\);\n\s*if \(x0 === SUSPEND\)/);
    expect(c.js).toMatch(/x0 = tail_local\$1\(p, x0\);\n\s*if \(x0 === SUSPEND\)/);
    expect(c.js).toMatch(/return leaf\$1\(p, x0\);/);
    expect(c.js).toMatch(/x0 = tail_ext\$1\(p, x0\);\n\s*if \(x0 === TAIL\)/);
    expect(c.js).toMatch(/x0 = tail_via\$1\(p, x0\);\n\s*if \(x0 === TAIL\)/);
  });

  it('receive loops are structured JS loops, not a switch', () => {
    expect(c.js).toMatch(/function collect\$2\(p, x0, x1\) \{[^]*?R\d+: for \(; ; \) \{[^]*?continue R\d+;/);
  });

  for (const t of ['t_arith_edges', 't_guard_arith', 't_tail_callers', 't_send_dests', 't_selective_scan',
    't_trace_after_resume', 't_badarith_trace', 't_receive_shapes', 't_resume_tail_trace']) {
    it(t, async () => {
      const [ours, theirs] = await both(c, t, deps);
      expect(ours).toBe(theirs);
      expect(ours.startsWith('{ok,')).toBe(true);
    });
  }
});
