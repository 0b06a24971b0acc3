/**
 * Every .beam of the installed OTP's stdlib, kernel and compiler compiles,
 * and the output parses as an ES module (acorn). BEAMJS_ALL_BEAMS=1 widens
 * this to every lib/*\/ebin of OTP and Elixir's beams (several minutes).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { compileModule } from '../../compiler/compile.js';
import { otpLib } from './harness.js';

const ELIXIR_LIB = '/usr/lib/elixir/lib';

function beams(root: string, apps?: (name: string) => boolean): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const app of readdirSync(root).sort()) {
    if (apps && !apps(app)) continue;
    const ebin = join(root, app, 'ebin');
    if (!existsSync(ebin)) continue;
    for (const f of readdirSync(ebin).sort()) if (f.endsWith('.beam')) out.push(join(ebin, f));
  }
  return out;
}

const all = process.env.BEAMJS_ALL_BEAMS === '1';
const core = (app: string): boolean => /^(stdlib|kernel|compiler)-/.test(app);
const files = all ? [...beams(otpLib), ...beams(ELIXIR_LIB)] : beams(otpLib, core);

describe(`compile ${all ? 'all OTP and Elixir' : 'stdlib, kernel, compiler'} beams`, () => {
  it('compiles and parses every module', () => {
    const failures: string[] = [];
    let bytes = 0;
    for (const f of files) {
      try {
        const { js } = compileModule(new Uint8Array(readFileSync(f)), f);
        bytes += js.length;
        parse(js, { ecmaVersion: 2022, sourceType: 'module' });
      } catch (e) {
        failures.push(`${f}: ${(e as Error).message}`);
      }
    }
    console.log(`compiled ${files.length - failures.length}/${files.length} modules, ${(bytes / 1e6).toFixed(1)} MB of JS`);
    expect(failures).toEqual([]);
    expect(files.length).toBeGreaterThan(200);
  }, 900_000);
});
