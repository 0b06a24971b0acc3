/**
 * The runtime of `beamjs run` in Node: modules come from the user's inputs
 * first, then from the installed Erlang/OTP, compiled through the cache and
 * imported as ES modules.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bootRuntime } from '../../runtime/boot.js';
import type { CompiledModule } from '../../runtime/exec/load.js';
import type { Runtime, RuntimeOptions } from '../../runtime/process/runtime.js';
import { compileCached } from './cache.js';
import type { BeamIndex } from './inputs.js';

/** The runtime namespace generated code imports: this checkout's build. */
export function localRuntimeImport(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const ext of ['js', 'ts']) {
    const p = join(here, '..', '..', 'runtime', 'exec', `index.${ext}`);
    if (existsSync(p)) return pathToFileURL(p).href;
  }
  throw new Error('cannot find the beamjs runtime (runtime/exec/index.js); run the build first');
}

/**
 * The .beam files of the runtime's own Erlang parts (runtime/erl/*.erl),
 * compiled by the build into dist/erl.
 */
export function runtimeEbin(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const p of [join(here, '..', '..', 'erl'), join(here, '..', '..', 'dist', 'erl')]) {
    if (existsSync(join(p, 'beamjs_user.beam'))) return p;
  }
  throw new Error('cannot find the runtime\'s Erlang modules (dist/erl); run the build first');
}

export async function nodeRuntime(index: BeamIndex, opts: RuntimeOptions = {}): Promise<Runtime> {
  const runtimeImport = localRuntimeImport();
  const source = (name: string): Promise<CompiledModule> | undefined => {
    const beam = index.get(name);
    if (beam === undefined) return undefined;
    return (async () => {
      const { mjs } = compileCached(beam, runtimeImport);
      const m = (await import(pathToFileURL(mjs).href)) as { __module: CompiledModule };
      return m.__module;
    })();
  };
  return bootRuntime({ ...opts, source });
}
