/**
 * The differential corpus (test/programs/*.erl): each program is a module
 * exporting main/0 whose return value, printed with `~w`, is what BEAM and
 * beamjs must agree on.
 *
 *   listPrograms()          names of the programs, sorted
 *   compilePrograms()       erlc the stale ones into .cache/programs
 *   expectedResult(name)    BEAM's `~w` of name:main(), from the erl reference server
 *   runOnBeamjs(name)       the same on beamjs
 *   knownFailures()         test/programs/known-failures.txt as a set
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { erl } from './erl.js';
import { indexBeams, indexEbins } from '../../cli/host/inputs.js';
import { bootSystem } from '../../runtime/boot.js';
import { nodeRuntime, runtimeEbin } from '../../cli/host/node-runtime.js';
import { otpEbinDirs } from '../../cli/host/otp.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { formatW } from '../../runtime/terms/print.js';
import type { Pid } from '../../runtime/terms/types.js';
import { cacheDir, repoRoot } from './ref-server.js';

export const programsDir = join(repoRoot, 'test', 'programs');
export const programsOutDir = join(cacheDir, 'programs');
export const knownFailuresFile = join(programsDir, 'known-failures.txt');

/** How long erl may run one program's main/0 before it is killed (it should take < 2 s). */
const ERL_TIMEOUT_MS = 30_000;

/** Program names (module names): every `test/programs/*.erl`, sorted. */
export function listPrograms(): string[] {
  return readdirSync(programsDir)
    .filter((f) => f.endsWith('.erl'))
    .map((f) => f.slice(0, -'.erl'.length))
    .sort();
}

/**
 * Compiles, in one erlc run, every program whose .beam in `outDir` is missing
 * or older than its .erl. Warnings are errors: a warning such as "this
 * expression will fail" means the compiler has folded away the very
 * instruction a program meant to exercise (hide values behind `?MODULE:id/1`).
 * Returns `outDir`.
 */
export function compilePrograms(outDir: string = programsOutDir): string {
  mkdirSync(outDir, { recursive: true });
  const stale = listPrograms()
    .map((name) => ({ src: join(programsDir, `${name}.erl`), beam: join(outDir, `${name}.beam`) }))
    .filter(({ src, beam }) => !existsSync(beam) || statSync(beam).mtimeMs < statSync(src).mtimeMs)
    .map(({ src }) => src);
  if (stale.length === 0) return outDir;
  try {
    execFileSync('erlc', ['+warnings_as_errors', '-o', outDir, ...stale], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`erlc failed on the program corpus:\n${err.stdout ?? ''}${err.stderr ?? err.message}`);
  }
  return outDir;
}

/** An Erlang string literal holding `s` (for paths inside evaluated expressions). */
function erlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** An Erlang atom literal for a program name (names are checked to be plain atoms). */
function erlAtom(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a valid program name: ${name}`);
  return name;
}

/**
 * BEAM's answer for one program: `~w` of `name:main()`, run in a fresh process
 * on the long-lived erl reference server and killed after ERL_TIMEOUT_MS.
 * Rejects if the program crashes or times out. Call compilePrograms() first.
 */
export async function expectedResult(name: string, outDir: string = programsOutDir): Promise<string> {
  const mod = erlAtom(name);
  const expr = [
    `code:add_patha(${erlString(outDir)})`,
    `{module, ${mod}} = code:ensure_loaded(${mod})`,
    `{Pid, Ref} = spawn_monitor(fun() -> exit({'$corpus_result', ${mod}:main()}) end)`,
    `receive
       {'DOWN', Ref, process, Pid, {'$corpus_result', V}} -> io_lib:format("~w", [V]);
       {'DOWN', Ref, process, Pid, Why} -> erlang:error({program_crashed, Why})
     after ${ERL_TIMEOUT_MS} -> exit(Pid, kill), erlang:error(program_timed_out)
     end`,
  ].join(',\n');
  return erl.text(expr);
}

/** How long beamjs may run one program's main/0. */
const BEAMJS_TIMEOUT_MS = 60_000;

/**
 * Run `name:main()` on a fresh beamjs runtime, as `beamjs run` does (modules
 * from the program's .beam, the runtime's own Erlang modules and the installed
 * OTP, compiled through the cache), and resolve with the `~w` text of the
 * result; reject when main/0 raises, the runtime deadlocks, or it times out.
 */
export async function runOnBeamjs(name: string): Promise<string> {
  const beam = join(programsOutDir, `${name}.beam`);
  const index = indexEbins([runtimeEbin(), ...otpEbinDirs()], indexBeams([beam]));
  const output: string[] = [];
  const rt = await nodeRuntime(index, { logCrashes: false, stdout: (t) => output.push(t), stderr: (t) => output.push(t) });
  // init, the code server and `user`: what OTP's io and io_lib expect.
  const user = await bootSystem(rt, 'minimal');
  let timer: NodeJS.Timeout | undefined;
  try {
    const value = await Promise.race([
      rt.call(name, 'main', [], { groupLeader: user }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name}:main() did not return within ${BEAMJS_TIMEOUT_MS} ms`)), BEAMJS_TIMEOUT_MS);
      }),
    ]);
    return formatW(value);
  } catch (e) {
    if (e instanceof ErlangError) throw new Error(`${name}:main() raised ${e.cls}:${formatW(e.reason)}`);
    throw e;
  } finally {
    clearTimeout(timer);
    rt.halt(0);
  }
}

/** Program names listed in known-failures.txt (one per line; `#` starts a comment). */
export function knownFailures(): Set<string> {
  if (!existsSync(knownFailuresFile)) return new Set();
  const names = readFileSync(knownFailuresFile, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
  return new Set(names);
}
