/**
 * The inputs of `beamjs compile` and `beamjs run`: .beam files, folders of
 * them (searched recursively), and .erl files, which are compiled with erlc
 * into the cache first (only when the source changed).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { cacheRoot } from './cache.js';

export class InputError extends Error {}

/** `<module>` → path of its .beam. */
export type BeamIndex = Map<string, string>;

function beamsUnder(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) beamsUnder(p, out);
    else if (name.endsWith('.beam')) out.push(p);
  }
}

function compileErl(path: string): string {
  const src = readFileSync(path);
  const key = createHash('sha1').update(resolve(path)).update(src).digest('hex').slice(0, 16);
  const outDir = join(cacheRoot(), 'erlc', key);
  const beam = join(outDir, `${basename(path, '.erl')}.beam`);
  if (existsSync(beam)) return beam;
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync('erlc', ['-o', outDir, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const out = e as { stdout?: Buffer; stderr?: Buffer; code?: string };
    if (out.code === 'ENOENT') throw new InputError(`${path}: erlc is not installed (needed to compile .erl files)`);
    const text = `${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`.trim();
    throw new InputError(`${path}: erlc failed\n${text}`);
  }
  return beam;
}

/** The .beam files named by the inputs, in order (erl files compiled first). */
export function resolveInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) throw new InputError(`${input}: no such file or folder`);
    const st = statSync(input);
    if (st.isDirectory()) beamsUnder(input, out);
    else if (input.endsWith('.erl')) out.push(compileErl(input));
    else if (input.endsWith('.beam')) out.push(input);
    else throw new InputError(`${input}: not a .beam, .erl or folder`);
  }
  return out;
}

/** Index .beam files by module name (the file name); earlier entries win. */
export function indexBeams(paths: Iterable<string>, index: BeamIndex = new Map()): BeamIndex {
  for (const p of paths) {
    const mod = basename(p, '.beam');
    if (!index.has(mod)) index.set(mod, p);
  }
  return index;
}

/** Index every .beam directly inside the given ebin folders. */
export function indexEbins(dirs: readonly string[], index: BeamIndex = new Map()): BeamIndex {
  for (const d of dirs) {
    for (const f of readdirSync(d).sort()) if (f.endsWith('.beam')) {
      const mod = f.slice(0, -5);
      if (!index.has(mod)) index.set(mod, join(d, f));
    }
  }
  return index;
}
