/**
 * Shared by the compile-everything tests: compile every .beam under
 * <root>/<app>/ebin and parse the output as an ES module (acorn).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { expect } from 'vitest';
import { compileModule } from '../../compiler/compile.js';

export function beamsUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  for (const app of readdirSync(root).sort()) {
    const ebin = join(root, app, 'ebin');
    if (!existsSync(ebin)) continue;
    for (const f of readdirSync(ebin).sort()) if (f.endsWith('.beam')) out.push(join(ebin, f));
  }
  return out;
}

/** Compile and parse every file; fails listing every module that did not. */
export function compileAll(label: string, files: string[], atLeast: number): void {
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
  console.log(`${label}: compiled ${files.length - failures.length}/${files.length} modules, ${(bytes / 1e6).toFixed(1)} MB of JS`);
  expect(failures).toEqual([]);
  expect(files.length).toBeGreaterThan(atLeast);
}
