/**
 * The compile cache of the CLI: each .beam compiles to
 * `<cache>/modules/<module>-<key>.mjs` (+ `.map`), where the key hashes the
 * .beam's bytes, the compiler's own code and the runtime import, so a changed
 * input or a new beamjs never reuses stale output. The cache folder is
 * `$BEAMJS_CACHE`, else `$XDG_CACHE_HOME/beamjs`, else `~/.cache/beamjs`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModule } from '../../compiler/compile.js';

export function cacheRoot(): string {
  return process.env.BEAMJS_CACHE
    ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'beamjs');
}

let stamp: string | undefined;

/** A hash of the compiler's own files: output of another beamjs is never reused. */
function compilerStamp(): string {
  if (stamp !== undefined) return stamp;
  const h = createHash('sha1');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'compiler');
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.js') || n.endsWith('.ts')) h.update(n).update(readFileSync(p));
    }
  };
  if (existsSync(root)) walk(root);
  stamp = h.digest('hex');
  return stamp;
}

export interface CachedModule {
  module: string;
  mjs: string;
}

/**
 * Compile the .beam `bytes` of module `base` (named `file` in errors and source
 * maps), or reuse the cached output: `code:load_binary/3` at run time.
 */
export function compileBytesCached(bytes: Uint8Array, base: string, file: string, runtimeImport: string): CachedModule {
  const key = createHash('sha1').update(bytes).update(compilerStamp()).update(runtimeImport)
    .digest('hex').slice(0, 20);
  const dir = join(cacheRoot(), 'modules');
  const mjs = join(dir, `${base}-${key}.mjs`);
  if (existsSync(mjs)) return { module: base, mjs };
  mkdirSync(dir, { recursive: true });
  const out = compileModule(bytes, file, { runtimeImport, outFile: `${base}-${key}.mjs` });
  // Write then rename, so a concurrent run never imports a half-written file.
  const tmp = `${mjs}.${process.pid}.tmp`;
  writeFileSync(`${mjs}.map`, out.map);
  writeFileSync(tmp, out.js);
  renameSync(tmp, mjs);
  return { module: out.module.name, mjs };
}
