/**
 * Running test/bifs/file_driver.erl on both sides: `file_driver:run(S, Dir)`
 * on BEAM (the erl reference server) and on one beamjs runtime, each in its
 * own fresh directory, giving the `~w` text of the results.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexBeams, indexEbins } from '../../cli/host/inputs.js';
import { nodeRuntime, runtimeEbin } from '../../cli/host/node-runtime.js';
import { otpEbinDirs } from '../../cli/host/otp.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import type { Runtime } from '../../runtime/process/runtime.js';
import { formatW } from '../../runtime/terms/print.js';
import { charlist, type Pid } from '../../runtime/terms/types.js';
import { erl } from '../support/erl.js';
import { cacheDir, repoRoot } from '../support/ref-server.js';

const outDir = join(cacheDir, 'file-driver');
const driverSrc = join(repoRoot, 'test', 'bifs', 'file_driver.erl');


export function compileDriver(): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync('erlc', ['+warnings_as_errors', '-o', outDir, driverSrc], { stdio: 'pipe' });
}

/** A fresh directory for one side's runs; `remove()` deletes it. */
export function scratch(tag: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `beamjs-file-${tag}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Side {
  run(scenario: string, dir: string): Promise<string>;
  close(): void;
}

export async function beamjsSide(): Promise<Side> {
  const index = indexEbins([runtimeEbin(), ...otpEbinDirs()], indexBeams([join(outDir, 'file_driver.beam')]));
  const rt: Runtime = await nodeRuntime(index, { logCrashes: false, stdout: () => {}, stderr: () => {} });
  const user = await rt.call('beamjs_user', 'start', []);
  return {
    async run(scenario, dir) {
      try {
        return formatW(await rt.call('file_driver', 'run', [scenario, charlist(dir)], { groupLeader: user as Pid }));
      } catch (e) {
        if (e instanceof ErlangError) return `raised ${e.cls}:${formatW(e.reason)}`;
        throw e;
      }
    },
    close: () => rt.halt(0),
  };
}

/** erl's answers for many scenarios, in one request. */
export async function erlRuns(runs: [string, string][]): Promise<string[]> {
  const calls = runs.map(([s, dir]) => `F__(${s}, ${JSON.stringify(dir)})`);
  const text = await erl.text(
    `code:add_patha("${outDir}"), code:purge(file_driver), {module, _} = code:load_file(file_driver), ` +
      `F__ = fun(S__, D__) -> try io_lib:format("~w", [file_driver:run(S__, D__)]) ` +
      `catch C__:R__ -> io_lib:format("raised ~w:~w", [C__, R__]) end end, ` +
      `lists:join("\\n", [${calls.join(',\n')}])`,
  );
  return text.split('\n');
}
