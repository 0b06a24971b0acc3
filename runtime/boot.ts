/**
 * Starting a runtime that runs compiled OTP code: the BIF tables laid over
 * the compiled modules they belong to, and a loader that brings in any other
 * module on first call (only the calling process waits for it).
 *
 * BIFs are overlays, not modules of their own: `lists.beam` holds Erlang code
 * (lists:map/2, ...) and `nif_error` stubs for the C-implemented functions
 * (lists:reverse/2, ...); the BIF table replaces those stubs once the compiled
 * module is registered. The `erlang` module is loaded first, eagerly, because
 * every module calls it and its Erlang parts (max/2, min/2, ...) live in its
 * .beam.
 */
import { beamjsBifs } from './bifs/beamjs.js';
import { binaryBifs } from './bifs/binary.js';
import { erlangBifs } from './bifs/erlang.js';
import { processBifs } from './bifs/erlang-process.js';
import { ertsInternalBifs } from './bifs/erts_internal.js';
import { listsBifs } from './bifs/lists.js';
import { mapsBifs } from './bifs/maps.js';
import { stringBifs } from './bifs/string.js';
import { unicodeBifs } from './bifs/unicode.js';
import { netKernelBifs } from './bifs/net_kernel.js';
import { loadModule, type CompiledModule } from './exec/load.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './process/runtime.js';

type Table = Iterable<readonly [string, unknown]>;

/** BIF tables by the module they belong to. */
export const BIF_OVERLAYS: ReadonlyMap<string, Table> = new Map<string, Table>([
  ['erlang', [...erlangBifs, ...processBifs]],
  ['lists', listsBifs],
  ['maps', mapsBifs],
  ['erts_internal', ertsInternalBifs],
  ['net_kernel', netKernelBifs],
  ['binary', binaryBifs],
  ['unicode', unicodeBifs],
  ['string', stringBifs],
]);

/** Modules that exist only as BIFs (no .beam): registered at boot. */
export const BIF_MODULES: ReadonlyMap<string, Table> = new Map<string, Table>([['beamjs', beamjsBifs]]);

/**
 * Gives the compiled module of a name, or undefined at once when there is no
 * such module (the caller then gets `undef` without waiting).
 */
export type ModuleSource = (module: string) => Promise<CompiledModule> | undefined;

export interface BootOptions extends RuntimeOptions {
  /** Where modules come from (compiled .beam files). */
  source: ModuleSource;
}

/** Register a compiled module with the BIFs of its name laid over it. */
export function installModule(rt: Runtime, mod: CompiledModule): void {
  loadModule(rt, mod);
  const table = BIF_OVERLAYS.get(mod.name);
  if (table !== undefined) rt.modules.extendModule(mod.name, table as Map<string, never>);
}

/** A runtime with `erlang` loaded and every other module loaded on demand. */
export async function bootRuntime(opts: BootOptions): Promise<Runtime> {
  const { source, ...rtOpts } = opts;
  const rt = createRuntime(rtOpts);
  const erlang = await source('erlang');
  if (erlang !== undefined) installModule(rt, erlang);
  else rt.modules.extendModule('erlang', BIF_OVERLAYS.get('erlang') as Map<string, never>);
  for (const [name, table] of BIF_MODULES) rt.modules.registerModule(name, table as Map<string, never>);
  rt.modules.loader = (name) => {
    if (name === 'erlang') return undefined;
    return source(name)?.then((mod) => installModule(rt, mod));
  };
  return rt;
}
