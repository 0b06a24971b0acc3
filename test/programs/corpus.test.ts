/**
 * The differential corpus: every test/programs/*.erl runs on BEAM (the erl
 * reference server) and on beamjs, and the `~w` text of main/0's result must be
 * identical.
 *
 * - "erl" checks that BEAM's answer is usable as a reference: not empty and free
 *   of pids, references, ports and funs, whose printed form differs between runs
 *   and implementations.
 * - "beamjs" compares beamjs with BEAM. Programs named in known-failures.txt
 *   are expected to fail; once one passes, the test says so, so that the list
 *   only shrinks.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compilePrograms,
  expectedResult,
  knownFailures,
  listPrograms,
  runOnBeamjs,
} from '../support/programs.js';

const programs = listPrograms();
const known = knownFailures();

/** BEAM's answers, requested once per program and shared by both tests. */
const answers = new Map<string, Promise<string>>();
function expected(name: string): Promise<string> {
  let p = answers.get(name);
  if (!p) {
    p = expectedResult(name);
    answers.set(name, p);
  }
  return p;
}

beforeAll(() => {
  compilePrograms();
});

describe('corpus', () => {
  it('has at least 170 programs, named <area>_<what>', () => {
    expect(programs.length).toBeGreaterThanOrEqual(170);
    for (const name of programs) expect(name).toMatch(/^[a-z]+_[a-z0-9_]+$/);
  });

  it('known-failures.txt names only existing programs', () => {
    const all = new Set(programs);
    expect([...known].filter((n) => !all.has(n))).toEqual([]);
  });
});

describe.each(programs)('%s', (name) => {
  it('erl: answer is non-empty and deterministic-looking', async () => {
    const text = await expected(name);
    expect(text.length).toBeGreaterThan(0);
    for (const opaque of ['<0.', '#Ref<', '#Port<', '#Fun<']) expect(text).not.toContain(opaque);
  });

  it('beamjs: same ~w output as erl', async () => {
    const want = await expected(name);
    let got: string | Error;
    try {
      got = await runOnBeamjs(name);
    } catch (e) {
      got = e instanceof Error ? e : new Error(String(e));
    }
    if (known.has(name)) {
      // A known failure that now passes must be removed from known-failures.txt.
      const passes = got === want;
      expect(passes, `${name} now passes: remove it from test/programs/known-failures.txt`).toBe(false);
      return;
    }
    if (got instanceof Error) throw got;
    expect(got).toBe(want);
  });
});
