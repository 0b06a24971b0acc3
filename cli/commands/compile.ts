/**
 * `beamjs compile INPUT... -o OUTDIR`: each module becomes OUTDIR/<module>.mjs
 * with its source map. Inputs are .beam files, folders of them (one call can
 * compile all of OTP) and .erl files (compiled with erlc first). A bad input
 * is one line on stderr; the others are still compiled; the status is then 1.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileModule, DEFAULT_RUNTIME_IMPORT } from '../../compiler/compile.js';
import { BeamFormatError } from '../../compiler/beam/errors.js';
import { InputError, resolveInputs } from '../host/inputs.js';
import type { Output } from './disasm.js';

export interface CompileOptions {
  outDir: string;
  /** The specifier generated modules import the runtime from. */
  runtime?: string;
  quiet?: boolean;
}

export function compile(inputs: readonly string[], opts: CompileOptions, io: Output): number {
  let beams: string[];
  try {
    beams = resolveInputs(inputs);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.message);
      return 1;
    }
    throw e;
  }
  mkdirSync(opts.outDir, { recursive: true });
  const started = performance.now();
  let ok = 0;
  let failed = 0;
  for (const beam of beams) {
    try {
      const name = beam.slice(beam.lastIndexOf('/') + 1, -'.beam'.length);
      const out = compileModule(new Uint8Array(readFileSync(beam)), beam, {
        runtimeImport: opts.runtime ?? DEFAULT_RUNTIME_IMPORT,
        outFile: `${name}.mjs`,
      });
      writeFileSync(join(opts.outDir, `${out.module.name}.mjs`), out.js);
      writeFileSync(join(opts.outDir, `${out.module.name}.mjs.map`), out.map);
      ok++;
    } catch (e) {
      failed++;
      io.err(e instanceof BeamFormatError ? e.toString() : `${beam}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!opts.quiet) {
    const secs = ((performance.now() - started) / 1000).toFixed(2);
    io.err(`compiled ${ok} module${ok === 1 ? '' : 's'}${failed ? `, ${failed} failed` : ''} in ${secs} s`);
  }
  return failed ? 1 : 0;
}
