#!/usr/bin/env node
/**
 * The `beamjs` command line. Each command lives in cli/commands/<name>.ts and
 * returns an exit status; this file only wires them to commander.
 *
 * No JS stack trace reaches the user: a bad input is one line on stderr and
 * exit status 1 (the command's business); anything unexpected is caught here
 * and printed as one `internal error: ...` line with exit status 2.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { disasm } from './commands/disasm.js';

const stdio = {
  out: (text: string): void => {
    process.stdout.write(text);
  },
  err: (line: string): void => {
    process.stderr.write(`${line}\n`);
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

function buildProgram(): Command {
  const program = new Command();
  program.name('beamjs').description('Compile BEAM bytecode (.beam files) to JavaScript').version(version());
  program
    .command('disasm')
    .description('print .beam files (or every .beam under a folder) as erlc -S style listings')
    .argument('<paths...>', '.beam files and/or ebin folders')
    .option('--summary', 'print only counts per input and totals')
    .action((paths: string[], opts: { summary?: boolean }) => {
      process.exitCode = disasm(paths, { summary: opts.summary === true }, stdio);
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
