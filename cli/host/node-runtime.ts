/**
 * The runtime of `beamjs run` in Node: modules come from the user's inputs
 * first, then from the installed Erlang/OTP, compiled through the cache and
 * imported as ES modules.
 */
import * as nodeFs from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bootRuntime, installModule } from '../../runtime/boot.js';
import { setHostFs, type HostFs } from '../../runtime/bifs/host-fs.js';
import type { CompiledModule } from '../../runtime/exec/load.js';
import type { Runtime, RuntimeOptions } from '../../runtime/process/runtime.js';
import { compileBytesCached } from './cache.js';
import { NodeCodeHost } from './code-host.js';
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

/**
 * Standard input in chunks, read only while an Erlang process asks for it
 * (a paused stdin does not keep Node running).
 */
function stdinReader(): () => Promise<Uint8Array | undefined> {
  let ended = false;
  return () =>
    new Promise((resolveChunk) => {
      const input = process.stdin;
      if (ended || input.readableEnded || input.destroyed) {
        ended = true;
        return resolveChunk(undefined);
      }
      const done = (chunk: Uint8Array | undefined): void => {
        input.off('data', onData);
        input.off('end', onEnd);
        input.off('error', onEnd);
        input.off('close', onEnd);
        input.pause();
        resolveChunk(chunk);
      };
      const onData = (b: Buffer | string): void => done(typeof b === 'string' ? new TextEncoder().encode(b) : new Uint8Array(b));
      const onEnd = (): void => {
        ended = true;
        done(undefined);
      };
      input.on('data', onData);
      input.on('end', onEnd);
      input.on('error', onEnd);
      input.on('close', onEnd);
      input.resume();
    });
}

/** init's arguments for a beamjs run: as `erl -noshell` has them, with beamjs_user as `user`. */
export function nodeInitArgs(root: string): [string, string[]][] {
  return [
    ['root', [root]],
    ['progname', ['erl']],
    ['home', [process.env.HOME ?? '/']],
    ['noshell', []],
    ['user', ['beamjs_user']],
  ];
}

export async function nodeRuntime(index: BeamIndex, opts: RuntimeOptions = {}): Promise<Runtime> {
  // prim_file's NIFs work on Node's file system (Node before 20.16 has no
  // process.getBuiltinModule for the runtime to find it by itself).
  setHostFs(nodeFs as unknown as HostFs);
  const runtimeImport = localRuntimeImport();
  const code = new NodeCodeHost(index);
  const importCompiled = async (mjs: string): Promise<CompiledModule> =>
    ((await import(pathToFileURL(mjs).href)) as { __module: CompiledModule }).__module;
  const source = (name: string): Promise<CompiledModule> | undefined => {
    // A .beam file, or a member of a code archive.
    const beam = code.objectCode(name);
    if (beam === undefined) return undefined;
    return importCompiled(compileBytesCached(beam.bytes, name, beam.file, runtimeImport).mjs);
  };
  const rt = await bootRuntime({
    ...opts,
    source,
    host: {
      code,
      readInput: stdinReader(),
      initArgs: nodeInitArgs(code.rootDir),
      plainArgs: [],
      ...opts.host,
    },
  });
  code.loadBinary = async (name, file, bytes) => {
    const mod = await importCompiled(compileBytesCached(bytes, name, file, runtimeImport).mjs);
    if (mod.name !== name) throw new Error(`${file} holds module ${mod.name}, not ${name}`);
    installModule(rt, mod);
  };
  return rt;
}
