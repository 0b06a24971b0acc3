/**
 * Every .beam of the installed Erlang/OTP (lib/<app>/ebin) and of Elixir
 * (/usr/lib/elixir/lib/<app>/ebin, compiled by OTP 24) reads and decodes
 * with zero errors, and the decoded structure agrees with the Code header.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeModule } from '../../compiler/asm/decode.js';
import { readBeam } from '../../compiler/beam/reader.js';
import { elixirBeams, otpBeams } from './support.js';

interface Totals {
  files: number;
  functions: number;
  instructions: number;
  errors: string[];
  ms: number;
}

function readAll(files: string[]): Totals {
  const bufs = files.map((f) => readFileSync(f));
  const t: Totals = { files: 0, functions: 0, instructions: 0, errors: [], ms: 0 };
  const start = performance.now();
  for (let i = 0; i < files.length; i++) {
    try {
      const beam = readBeam(bufs[i]!, files[i]);
      const m = decodeModule(beam);
      t.files++;
      t.functions += m.functions.length;
      t.instructions += m.instrCount;
      if (m.functions.length !== beam.code.functionCount) {
        t.errors.push(`${files[i]}: ${m.functions.length} functions, header says ${beam.code.functionCount}`);
      }
      for (const e of beam.exports) {
        const fn = m.byEntry.get(e.label);
        if (fn === undefined || fn.name !== e.name || fn.arity !== e.arity) {
          t.errors.push(`${files[i]}: export ${e.name}/${e.arity} does not name the function at label ${e.label}`);
        }
      }
    } catch (e) {
      t.errors.push(String(e));
    }
  }
  t.ms = performance.now() - start;
  return t;
}

function report(what: string, t: Totals): void {
  const rate = Math.round(t.instructions / (t.ms / 1000));
  // Counts for the record (the timing is informational, never asserted).
  console.log(`${what}: ${t.files} files, ${t.functions} functions, ${t.instructions} instructions, ` +
    `${t.ms.toFixed(0)} ms (${rate} instructions/s)`);
}

describe('all installed .beam files', () => {
  it('reads and decodes every OTP beam', () => {
    const files = otpBeams();
    expect(files.length).toBeGreaterThan(1000);
    const t = readAll(files);
    report('OTP', t);
    expect(t.errors).toEqual([]);
    expect(t.files).toBe(files.length);
    expect(t.instructions).toBeGreaterThan(2_000_000);
  });

  it('reads and decodes every Elixir beam', () => {
    const files = elixirBeams();
    expect(files.length).toBeGreaterThan(300);
    const t = readAll(files);
    report('Elixir', t);
    expect(t.errors).toEqual([]);
    expect(t.files).toBe(files.length);
  });
});
