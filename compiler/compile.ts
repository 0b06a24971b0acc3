/**
 * The compiler pipeline for one .beam (DESIGN.md §1):
 * bytes ─readBeam→ BeamFile ─decodeModule→ AsmModule ─lowerModule→ ESTree ─printModule→ .mjs + .map
 */
import { createHash } from 'node:crypto';
import { decodeModule } from './asm/decode.js';
import type { AsmModule } from './asm/types.js';
import { readBeam } from './beam/reader.js';
import { moduleMd5 } from './js/module-md5.js';
import { printModule } from './emit/print.js';
import { CompileError } from './js/errors.js';
import { lowerModule } from './js/lower.js';

export interface CompileOptions {
  /** Module specifier the generated code imports the runtime namespace from. */
  runtimeImport?: string;
  /** Name of the generated file, for the source map (default `<module>.mjs`). */
  outFile?: string;
}

export interface CompileResult {
  js: string;
  /** Source map v3 (JSON text). */
  map: string;
  module: AsmModule;
}

export { CompileError };

export const DEFAULT_RUNTIME_IMPORT = 'beamjs/runtime';

export function compileModule(bytes: Uint8Array, file = '<memory>', opts: CompileOptions = {}): CompileResult {
  const beam = readBeam(bytes, file);
  const asm = decodeModule(beam);
  const md5 = moduleMd5(beam, (data) => new Uint8Array(createHash('md5').update(data).digest()));
  const program = lowerModule(asm, {
    runtimeImport: opts.runtimeImport ?? DEFAULT_RUNTIME_IMPORT,
    beamFile: file.slice(file.lastIndexOf('/') + 1),
    md5,
  });
  const outFile = opts.outFile ?? `${asm.name}.mjs`;
  const mainSource = asm.functions.find((f) => f.file !== undefined)?.file ?? `${asm.name}.erl`;
  try {
    const { js, map } = printModule(program, outFile, mainSource);
    return { js, map, module: asm };
  } catch (e) {
    // e.g. a literal nested deeper than the printer's recursion can go.
    throw new CompileError(asm.name, undefined, undefined, undefined,
      `cannot print the module: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}
