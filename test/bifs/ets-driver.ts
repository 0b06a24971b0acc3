/**
 * Running test/bifs/ets_driver.erl on both sides: `ets_driver:run(Type, Ops)`
 * on BEAM (the erl reference server) and on one beamjs runtime, each giving
 * the `~w` text of the results.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { indexBeams, indexEbins } from '../../cli/host/inputs.js';
import { nodeRuntime, runtimeEbin } from '../../cli/host/node-runtime.js';
import { otpEbinDirs } from '../../cli/host/otp.js';
import { ertsMatchSpecBifs } from '../../runtime/bifs/ets-ms.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import type { Runtime } from '../../runtime/process/runtime.js';
import { formatW } from '../../runtime/terms/print.js';
import { Cons, list, type Pid, type Term } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import { toErlSource } from '../support/erl-source.js';
import { cacheDir, repoRoot } from '../support/ref-server.js';

const outDir = join(cacheDir, 'ets-driver');
const driverSrc = join(repoRoot, 'test', 'bifs', 'ets_driver.erl');

export function compileDriver(): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync('erlc', ['+warnings_as_errors', '-o', outDir, driverSrc], { stdio: 'pipe' });
}

export interface Side {
  run(type: Term, ops: Term[]): Promise<string>;
  close(): void;
}

export async function beamjsSide(): Promise<Side> {
  const index = indexEbins([runtimeEbin(), ...otpEbinDirs()], indexBeams([join(outDir, 'ets_driver.beam')]));
  const rt: Runtime = await nodeRuntime(index, { logCrashes: false, stdout: () => {}, stderr: () => {} });
  // erlang:match_spec_test/3 (behind ets:test_ms/2) belongs to the erlang table.
  rt.modules.extendModule('erlang', new Map(ertsMatchSpecBifs) as Map<string, never>);
  const user = await rt.call('beamjs_user', 'start', []);
  return {
    async run(type, ops) {
      try {
        return formatW(await rt.call('ets_driver', 'run', [type, list(ops)], { groupLeader: user as Pid }));
      } catch (e) {
        if (e instanceof ErlangError) return `raised ${e.cls}:${formatW(e.reason)}`;
        throw e;
      }
    },
    close: () => rt.halt(0),
  };
}

/** erl's answers for many runs, in one request. */
export async function erlRuns(runs: [Term, Term[]][]): Promise<string[]> {
  const calls = runs.map(([type, ops]) => `F__(${toErlSource(type)}, ${toErlSource(list(ops))})`);
  const text = await erl.text(
    `code:add_patha("${outDir}"), {module, _} = code:ensure_loaded(ets_driver), ` +
      `F__ = fun(Ty__, Ops__) -> try io_lib:format("~w", [ets_driver:run(Ty__, Ops__)]) ` +
      `catch C__:R__ -> io_lib:format("raised ~w:~w", [C__, R__]) end end, ` +
      `lists:join("\\n", [${calls.join(',\n')}])`,
  );
  return text.split('\n');
}

export const isList = (t: Term): boolean => t instanceof Cons;
