/**
 * Differential runner for the `re` module: a list of cases, written as
 * Erlang terms (`{run, Subject, Pattern, Options}`, `{replace, ...}`,
 * `{split, ...}`, `{compile, ...}`, ... see re_driver.erl), is evaluated once
 * on the erl reference server, which also hands back the case list itself
 * as a term; the same term list then goes through re_driver:run/1 on
 * beamjs. Each case's `~w` output must match.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { indexBeams, indexEbins } from '../../cli/host/inputs.js';
import { nodeRuntime, runtimeEbin } from '../../cli/host/node-runtime.js';
import { otpEbinDirs } from '../../cli/host/otp.js';
import { binaryToTerm } from '../../runtime/terms/etf.js';
import { formatW } from '../../runtime/terms/print.js';
import { Cons, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import { cacheDir, repoRoot } from '../support/ref-server.js';

const outDir = join(cacheDir, 're-driver');

/** erlc the driver (once per test file). */
export function compileDriver(): string {
  mkdirSync(outDir, { recursive: true });
  execFileSync('erlc', ['-o', outDir, join(repoRoot, 'test', 'bifs', 're_driver.erl')]);
  return outDir;
}

const toArray = (t: Term): Term[] => {
  const out: Term[] = [];
  while (t instanceof Cons) {
    out.push(t.hd);
    t = t.tl;
  }
  return out;
};

export interface Mismatch {
  case: string;
  erl: string;
  beamjs: string;
}

type Rt = Awaited<ReturnType<typeof nodeRuntime>>;
let rt: Rt | undefined;

export async function startRuntime(): Promise<void> {
  const index = indexEbins([runtimeEbin(), ...otpEbinDirs()], indexBeams([join(outDir, 're_driver.beam')]));
  rt = await nodeRuntime(index, { logCrashes: false, stdout: () => undefined, stderr: () => undefined });
}

export function stopRuntime(): void {
  rt?.halt(0);
  rt = undefined;
}

/** Run the cases on both sides; the mismatching ones. */
export async function compareCases(cases: readonly string[]): Promise<Mismatch[]> {
  const expr = `code:add_patha("${outDir}"), Cases = [${cases.join(',\n')}], {Cases, re_driver:run(Cases)}`;
  const [caseTerms, want] = binaryToTerm(await erl.eval(expr)) as Term[];
  const got = await rt!.call('re_driver', 'run', [caseTerms!]);
  const w = toArray(want!);
  const g = toArray(got as Term);
  const bad: Mismatch[] = [];
  cases.forEach((c, i) => {
    const a = formatW(w[i]!);
    const b = g[i] === undefined ? '<missing>' : formatW(g[i]!);
    if (a !== b) bad.push({ case: c, erl: a, beamjs: b });
  });
  return bad;
}

/** beamjs's `~w` output for each case (the terms still come from erl). */
export async function runOnBeamjsOnly(cases: readonly string[]): Promise<string[]> {
  const caseTerms = binaryToTerm(await erl.eval(`[${cases.join(',\n')}]`));
  return toArray((await rt!.call('re_driver', 'run', [caseTerms])) as Term).map((t) => formatW(t));
}
