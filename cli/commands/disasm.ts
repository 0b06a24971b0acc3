/**
 * `beamjs disasm FILE.beam|EBIN_DIR...`: print each module as an `erlc -S`
 * style listing, or with `--summary` one count line per input and totals.
 *
 * Folders are searched recursively for `*.beam`. A bad file is reported as
 * one line on stderr (BeamFormatError's text) and the other files are still
 * processed; the result is then exit status 1.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModule } from '../../compiler/asm/decode.js';
import { printModule } from '../../compiler/asm/print.js';
import { BeamFormatError } from '../../compiler/beam/errors.js';
import { readBeam } from '../../compiler/beam/reader.js';

export interface DisasmOptions {
  summary?: boolean;
}

/** Where output goes; the CLI passes process.stdout/stderr, tests pass buffers. */
export interface Output {
  out(text: string): void;
  err(line: string): void;
  /** Raw bytes to standard output / error (Erlang I/O servers write bytes). */
  outBytes?(bytes: Uint8Array): void;
  errBytes?(bytes: Uint8Array): void;
}

interface Counts {
  files: number;
  functions: number;
  instructions: number;
}

/** Runs the command; returns the exit status (0 ok, 1 some input was bad). */
export function disasm(paths: readonly string[], opts: DisasmOptions, io: Output): number {
  const started = performance.now();
  const total: Counts = { files: 0, functions: 0, instructions: 0 };
  let status = 0;
  for (const path of paths) {
    const files = expand(path, io);
    if (files === undefined) {
      status = 1;
      continue;
    }
    const counts: Counts = { files: 0, functions: 0, instructions: 0 };
    for (const file of files) {
      if (!disasmFile(file, opts, io, counts)) status = 1;
    }
    if (opts.summary) {
      io.out(`${path}: ${plural(counts.files, 'file')}, ${plural(counts.functions, 'function')}, ` +
        `${plural(counts.instructions, 'instruction')}\n`);
    }
    total.files += counts.files;
    total.functions += counts.functions;
    total.instructions += counts.instructions;
  }
  if (opts.summary) {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(total.instructions / seconds) : 0;
    io.out(`total: ${plural(total.files, 'file')}, ${plural(total.functions, 'function')}, ` +
      `${plural(total.instructions, 'instruction')}, ${seconds.toFixed(2)} s (${rate} instructions/s)\n`);
  }
  return status;
}

/** The .beam files of one argument, or undefined (after reporting) if it cannot be read. */
function expand(path: string, io: Output): string[] | undefined {
  try {
    if (!statSync(path).isDirectory()) return [path];
    const out: string[] = [];
    walk(path, out);
    return out;
  } catch (e) {
    io.err(`${path}: cannot read: ${systemMessage(e)}`);
    return undefined;
  }
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.beam')) out.push(p);
  }
}

/** Read, decode and print (or count) one file; false when it is bad. */
function disasmFile(file: string, opts: DisasmOptions, io: Output, counts: Counts): boolean {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    io.err(`${file}: cannot read: ${systemMessage(e)}`);
    return false;
  }
  try {
    const m = decodeModule(readBeam(bytes, file));
    counts.files++;
    counts.functions += m.functions.length;
    counts.instructions += m.instrCount;
    if (!opts.summary) io.out(printModule(m));
    return true;
  } catch (e) {
    if (!(e instanceof BeamFormatError)) throw e;
    io.err(e.toString());
    return false;
  }
}

function systemMessage(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(e);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
