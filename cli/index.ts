#!/usr/bin/env node
/**
 * The `beamjs` command line. Each command lives in cli/commands/<name>.ts and
 * returns an exit status; this file only wires them to commander.
 *
 * No JS stack trace reaches the user: a bad input is one line on stderr and
 * exit status 1 (the command's business); anything unexpected is caught here
 * and printed as one `internal error: ...` line with exit status 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Command } from 'commander';
import { compile } from './commands/compile.js';
import { disasm } from './commands/disasm.js';
import { run } from './commands/run.js';
import { elixirRoot } from './host/otp.js';
import { join } from 'node:path';

const stdio = {
  out: (text: string): void => {
    process.stdout.write(text);
  },
  err: (line: string): void => {
    process.stderr.write(`${line}\n`);
  },
  outBytes: (bytes: Uint8Array): void => {
    process.stdout.write(bytes);
  },
  errBytes: (bytes: Uint8Array): void => {
    process.stderr.write(bytes);
  },
};

function internalError(e: unknown): never {
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`internal error: ${msg}\n`);
  process.exit(2);
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** End the process with `status` once stdout is flushed (a program's run ends when its call does). */
function exitWhenFlushed(status: number): void {
  process.stdout.write('', () => process.exit(status));
}

/**
 * What the `elixir` command runs: elixir:start_cli/0 (the elixir and logger
 * applications, then Kernel.CLI on init's plain arguments, which ends with
 * System.halt). `beamjs mix ARGS` is `elixir <root>/bin/mix ARGS`.
 */
async function runElixir(command: 'elixir' | 'mix', args: string[]): Promise<number> {
  const root = elixirRoot();
  const mix = root === undefined ? undefined : join(root, 'bin', 'mix');
  if (root === undefined || (command === 'mix' && !existsSync(mix!))) {
    stdio.err(`beamjs ${command}: no Elixir installation found (put elixir on PATH or set BEAMJS_ELIXIR_ROOT)`);
    return 1;
  }
  const plainArgs = command === 'mix' ? [mix!, ...args] : args;
  return run([], { eval: 'elixir:start_cli()', boot: 'full', plainArgs }, stdio);
}

function buildProgram(): Command {
  const program = new Command();
  // Options after an escript's name are the script's own.
  program.enablePositionalOptions();
  program.name('beamjs').description('Compile BEAM bytecode (.beam files) to JavaScript').version(version());
  program
    .command('disasm')
    .description('print .beam files (or every .beam under a folder) as erlc -S style listings')
    .argument('<paths...>', '.beam files and/or ebin folders')
    .option('--summary', 'print only counts per input and totals')
    .action((paths: string[], opts: { summary?: boolean }) => {
      process.exitCode = disasm(paths, { summary: opts.summary === true }, stdio);
    });
  program
    .command('escript')
    .description("run an escript as OTP's escript command does (a source script is compiled, as escript -c does; archive escripts such as rebar3 run as they are)")
    .argument('<script>', 'the escript file')
    .argument('[args...]', "the script's arguments (main/1 gets them as strings)")
    .passThroughOptions()
    .allowUnknownOption()
    .action(async (script: string, args: string[]) => {
      // What the escript launcher checks before it starts erl.
      if (!existsSync(script)) {
        stdio.err(`escript: Failed to open file: ${script}`);
        process.exit(1);
      }
      // OTP's own escript module reads, compiles and runs the script, and
      // reports its errors; it ends with erlang:halt/1.
      exitWhenFlushed(await run([], { eval: 'beamjs_escript:start()', boot: 'full', plainArgs: [script, ...args] }, stdio));
    });
  program
    .command('elixir')
    .description('run Elixir as the elixir command does (Kernel.CLI: script files, -e, -r, -pa, ...)')
    .argument('[args...]', "the elixir command's arguments")
    .passThroughOptions()
    .allowUnknownOption()
    .action(async (args: string[]) => exitWhenFlushed(await runElixir('elixir', args)));
  program
    .command('mix')
    .description("run a Mix task as the mix command does (mix test, mix compile, mix run, ...), with the installed Elixir's mix")
    .argument('[args...]', "mix's arguments")
    .passThroughOptions()
    .allowUnknownOption()
    .action(async (args: string[]) => exitWhenFlushed(await runElixir('mix', args)));
  program
    .command('compile')
    .description('compile .beam files, ebin folders or .erl files to ES modules (<module>.mjs + source map)')
    .argument('<inputs...>', '.beam files, folders of them, or .erl files (compiled with erlc first)')
    .requiredOption('-o, --out-dir <dir>', 'where the .mjs files go')
    .option('--runtime <specifier>', 'module specifier the output imports the runtime from', 'beamjs/runtime')
    .option('-q, --quiet', 'no summary line')
    .action((inputs: string[], opts: { outDir: string; runtime: string; quiet?: boolean }) => {
      process.exitCode = compile(inputs, { outDir: opts.outDir, runtime: opts.runtime, quiet: opts.quiet === true }, stdio);
    });
  program
    .command('run')
    .description('compile what is needed and run a call (default: main() of the first input) in a new process')
    .argument('[inputs...]', '.beam files, folders of them, or .erl files')
    .option('-e, --eval <call>', "the call to run: 'mod:fun(Arg, ...)' with literal arguments")
    .option('--print', 'print the returned value as io:format("~w~n") would')
    .option('--dump <stage>', 'print a stage of the input modules instead of running: asm or js')
    .option('--boot <mode>', 'start the full OTP system (kernel, stdlib, logger) or a minimal one (init, code server, I/O and file servers): full or minimal', 'full')
    .action(async (inputs: string[], opts: { eval?: string; print?: boolean; dump?: string; boot?: string }) => {
      // An escript ends when main returns, whatever other processes do.
      exitWhenFlushed(await run(inputs, opts, stdio));
    });
  return program;
}

async function main(): Promise<void> {
  // A closed pipe (`beamjs disasm x.beam | head`) is a normal way to stop.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    internalError(e);
  });
  process.on('uncaughtException', internalError);
  process.on('unhandledRejection', internalError);
  await buildProgram().parseAsync(process.argv);
}

main().catch(internalError);
