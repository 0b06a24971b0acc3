/**
 * `beamjs run INPUT... [-e 'mod:fun(Args)'] [--print] [--dump=asm|js]`:
 * compiles what is needed (through the cache), then runs the call in a new
 * process, as an escript runs main: the run ends when the call returns (exit
 * status 0; with --print its value is printed as ~w), when it raises (BEAM's
 * error report on stderr, status 1) or at erlang:halt/0,1 (its status).
 * Without -e the call is main() of the first input module.
 */
import { readFileSync } from 'node:fs';
import { decodeModule } from '../../compiler/asm/decode.js';
import { printModule } from '../../compiler/asm/print.js';
import { BeamFormatError } from '../../compiler/beam/errors.js';
import { readBeam } from '../../compiler/beam/reader.js';
import { compileModule } from '../../compiler/compile.js';
import { BootError, bootSystem, startElixir, type SystemMode } from '../../runtime/boot.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { crashReport, type Runtime } from '../../runtime/process/runtime.js';
import { chardataToString } from '../../runtime/bifs/beamjs.js';
import { formatW } from '../../runtime/terms/print.js';
import { charlist, list, type Pid, type Term } from '../../runtime/terms/types.js';
import { LiteralSyntaxError, parseCall, type CallSpec } from '../host/literal.js';
import { InputError, indexBeams, indexEbins, resolveInputs } from '../host/inputs.js';
import { localRuntimeImport, nodeRuntime, runtimeEbin } from '../host/node-runtime.js';
import { elixirRoot, systemEbinDirs } from '../host/otp.js';
import type { Output } from './disasm.js';

export interface RunOptions {
  eval?: string;
  print?: boolean;
  dump?: string;
  /** How much of the OTP system to start before the call (default full). */
  boot?: string;
  /** What `init:get_plain_arguments/0` returns (the arguments after `-extra`). */
  plainArgs?: string[];
}

type Outcome =
  | { kind: 'value'; value: Term }
  | { kind: 'error'; error: unknown }
  | { kind: 'halt'; status: unknown }
  | { kind: 'idle' };

function dump(beams: string[], what: string, io: Output): number {
  for (const beam of beams) {
    const bytes = new Uint8Array(readFileSync(beam));
    if (what === 'asm') io.out(printModule(decodeModule(readBeam(bytes, beam))));
    else io.out(compileModule(bytes, beam, { runtimeImport: localRuntimeImport() }).js);
  }
  return 0;
}

export async function run(inputs: readonly string[], opts: RunOptions, io: Output): Promise<number> {
  let beams: string[];
  let call: CallSpec;
  try {
    beams = resolveInputs(inputs);
    if (opts.dump !== undefined) {
      if (opts.dump !== 'asm' && opts.dump !== 'js') throw new InputError(`--dump must be asm or js, not ${opts.dump}`);
      return dump(beams, opts.dump, io);
    }
    if (opts.eval !== undefined) call = parseCall(opts.eval);
    else if (beams.length > 0) {
      const first = beams[0]!;
      call = { module: first.slice(first.lastIndexOf('/') + 1, -'.beam'.length), fun: 'main', args: [] };
    } else throw new InputError('nothing to run: give an input module or -e mod:fun(Args)');
    opts = { ...opts, boot: opts.boot ?? 'full' };
    if (opts.boot !== 'full' && opts.boot !== 'minimal') throw new InputError(`--boot must be full or minimal, not ${opts.boot}`);
  } catch (e) {
    if (e instanceof InputError || e instanceof BeamFormatError) {
      io.err(e instanceof BeamFormatError ? e.toString() : e.message);
      return 1;
    }
    if (e instanceof LiteralSyntaxError) {
      io.err(`-e: ${e.message}`);
      return 1;
    }
    throw e;
  }

  const index = indexEbins([runtimeEbin(), ...systemEbinDirs()], indexBeams(beams));
  const rt = await nodeRuntime(index, {
    ...(opts.plainArgs !== undefined ? { host: { plainArgs: opts.plainArgs } } : {}),
    stdout: (s) => io.out(s),
    stderr: (s) => io.err(s.endsWith('\n') ? s.slice(0, -1) : s),
    ...(io.outBytes && io.errBytes
      ? { writeBytes: (stream: 'stdout' | 'stderr', b: Uint8Array) => (stream === 'stdout' ? io.outBytes!(b) : io.errBytes!(b)) }
      : {}),
  });
  // init, the code server, `user` (the group leader of the call's process)
  // and, in full mode, the kernel and stdlib applications.
  let user: Pid;
  let elixir = false;
  try {
    user = await bootSystem(rt, opts.boot as SystemMode);
    // An Elixir module's call runs as under the `elixir` command.
    if (opts.boot === 'full' && call.module.startsWith('Elixir.') && elixirRoot() !== undefined) {
      await startElixir(rt, user);
      elixir = true;
    }
  } catch (e) {
    const why = e instanceof ErlangError ? `${e.cls}:${formatW(e.reason)}` : e instanceof BootError ? e.message : undefined;
    if (why === undefined) throw e;
    io.err(`beamjs: the system did not start: ${why}`);
    return 1;
  }
  let crash: { pid: Pid; reason: Term } | undefined;
  const outcome = await new Promise<Outcome>((resolve) => {
    rt.call(call.module, call.fun, call.args, { groupLeader: user, onCrash: (pid, reason) => (crash = { pid, reason }) }).then(
      (value) => resolve({ kind: 'value', value }),
      (error: unknown) => resolve({ kind: 'error', error }),
    );
    const watch = (): void => {
      void rt.run().then((halted) => {
        if (halted !== undefined) resolve({ kind: 'halt', status: halted });
        // Idle with the call unsettled: every process waits and nothing can
        // wake one. Let a settled call's callbacks run first.
        else setImmediate(() => resolve({ kind: 'idle' }));
      });
    };
    watch();
  });
  switch (outcome.kind) {
    case 'value':
      if (opts.print) io.out(`${formatW(outcome.value)}\n`);
      return 0;
    case 'error':
      if (!(outcome.error instanceof ErlangError)) throw outcome.error;
      if (elixir) io.err((await elixirCrashText(rt, outcome.error)).replace(/\n$/, ''));
      else if (crash !== undefined) io.err((await crashText(rt, crash.pid, crash.reason)).replace(/\n$/, ''));
      return 1;
    case 'halt':
      if (typeof outcome.status === 'number') return outcome.status;
      io.err(String(outcome.status));
      return 1;
    case 'idle':
      io.err(`beamjs: ${call.module}:${call.fun}/${call.args.length} is waiting and no other process or timer can wake it`);
      return 1;
  }
}

/**
 * What the `elixir` command prints for an uncaught exception: Kernel.CLI's
 * format_error/3 (Exception.format/3 of the trace without the compiler's frames).
 */
async function elixirCrashText(rt: Runtime, e: ErlangError): Promise<string> {
  try {
    const text = await rt.call('Elixir.Kernel.CLI', 'format_error', [e.cls, e.reason, list(e.stack)]);
    const s = chardataToString(text, 'unicode');
    if (s !== undefined) return s;
  } catch {
    // fall through to the plain form
  }
  return `** (${e.cls}) ${formatW(e.reason)}`;
}

/**
 * BEAM's error report for the call's process, the exit value printed with
 * `~p` by OTP's io_lib (with `~w` if that cannot run).
 */
async function crashText(rt: Runtime, pid: Pid, reason: Term): Promise<string> {
  let text = formatW(reason);
  try {
    const chars = await Promise.race([
      rt.call('io_lib', 'format', [charlist('~p'), list([reason])]),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000).unref()),
    ]);
    const s = chars === undefined ? undefined : chardataToString(chars, 'unicode');
    if (s !== undefined) text = s;
  } catch {
    // keep ~w
  }
  return crashReport(pid, text);
}
