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
import { beamjsHostBifs } from './bifs/beamjs-host.js';
import { binaryBifs } from './bifs/binary.js';
import { erlangBifs } from './bifs/erlang.js';
import { codeBifs } from './bifs/erlang-code.js';
import { statsBifs } from './bifs/erlang-stats.js';
import { vmBifs } from './bifs/erlang-vm.js';
import { processBifs } from './bifs/erlang-process.js';
import { sysinfoBifs } from './bifs/erlang-sysinfo.js';
import { ertsInternalBifs } from './bifs/erts_internal.js';
import { listsBifs } from './bifs/lists.js';
import { mapsBifs } from './bifs/maps.js';
import { stringBifs } from './bifs/string.js';
import { unicodeBifs } from './bifs/unicode.js';
import { netKernelBifs } from './bifs/net_kernel.js';
import { errorLoggerBifs, ertsDebugBifs, ioBifs } from './bifs/kernel-misc.js';
import { primBufferBifs } from './bifs/prim_file-buffer.js';
import { fileErlangBifs } from './bifs/prim_file-erlang.js';
import { ertsMatchSpecBifs } from './bifs/ets-ms.js';
import { etsBifs } from './bifs/ets.js';
import { reBifs } from './bifs/re.js';
import { mathBifs } from './bifs/math.js';
import { persistentTermBifs } from './bifs/persistent_term.js';
import { atomicsBifs } from './bifs/atomics.js';
import { countersBifs } from './bifs/counters.js';
import { cryptoBifs } from './bifs/crypto.js';
import { zlibBifs } from './bifs/zlib.js';
import { osBifs } from './bifs/os.js';
import { erlangPortBifs, ertsPortBifs } from './bifs/erlang-ports.js';
import { fileBifs, primFileBifs } from './bifs/prim_file.js';
import { loadModule, type CompiledModule } from './exec/load.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './process/runtime.js';
import { formatW } from './terms/print.js';
import { Pid } from './terms/types.js';

type Table = Iterable<readonly [string, unknown]>;

/** BIF tables by the module they belong to. */
export const BIF_OVERLAYS: ReadonlyMap<string, Table> = new Map<string, Table>([
  ['erlang', [...erlangBifs, ...codeBifs, ...statsBifs, ...vmBifs, ...processBifs, ...sysinfoBifs, ...fileErlangBifs, ...ertsMatchSpecBifs, ...erlangPortBifs]],
  ['lists', listsBifs],
  ['maps', mapsBifs],
  ['erts_internal', [...ertsInternalBifs, ...ertsPortBifs]],
  ['net_kernel', netKernelBifs],
  ['binary', binaryBifs],
  ['unicode', unicodeBifs],
  ['string', stringBifs],
  ['io', ioBifs],
  ['error_logger', errorLoggerBifs],
  ['file', fileBifs],
  ['erts_debug', ertsDebugBifs],
  ['ets', etsBifs],
  ['re', reBifs],
  ['math', mathBifs],
  ['persistent_term', persistentTermBifs],
  ['atomics', atomicsBifs],
  ['counters', countersBifs],
  ['crypto', cryptoBifs],
  ['zlib', zlibBifs],
  ['os', osBifs],
  ['prim_file', primFileBifs],
  ['prim_buffer', primBufferBifs],
]);

/** Modules that exist only as BIFs (no .beam): registered at boot. */
export const BIF_MODULES: ReadonlyMap<string, Table> = new Map<string, Table>([
  ['beamjs', [...beamjsBifs, ...beamjsHostBifs]],
]);

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
  // One load per module, however many processes (or preloads) ask at once.
  const pending = new Map<string, Promise<void>>();
  rt.modules.loader = (name) => {
    if (name === 'erlang') return undefined;
    const inFlight = pending.get(name);
    if (inFlight !== undefined) return inFlight;
    const p = source(name)?.then((mod) => {
      if (!rt.modules.isLoaded(name)) installModule(rt, mod);
    });
    if (p === undefined) return undefined;
    const tracked = p.finally(() => pending.delete(name));
    pending.set(name, tracked);
    return tracked;
  };
  return rt;
}

/**
 * The modules a full boot runs (measured): imported all at once before the
 * boot starts, instead of one after another as each is first called.
 */
const FULL_BOOT_MODULES = [
  'beamjs_init', 'beamjs_code_server', 'erl_prim_loader', 'init', 'prim_file', 'logger_server', 'gen_server',
  'gen', 'lists', 'proc_lib', 'logger_config', 'ets', 'logger_proxy', 'logger_olp', 'maps', 'persistent_term',
  'logger_simple_h', 'queue', 'code', 'code_server', 'filename', 'os', 'string', 'unicode', 'unicode_util',
  'erl_scan', 'proplists', 'erl_anno', 'erl_features', 'erl_parse', 'application_controller', 'application',
  'application_master', 'beamjs_kernel', 'logger', 'supervisor', 'file_server', 'gen_event', 'beamjs_user',
  'user_sup', 'supervisor_bridge', 'kernel_config', 'kernel_refc', 'erts_internal', 'kernel', 'logger_sup',
  'logger_handler_watcher', 'logger_formatter', 'logger_std_h', 'logger_h_common', 'io', 'io_lib',
  'io_lib_format', 'io_lib_pretty',
];

async function preload(rt: Runtime, names: readonly string[]): Promise<void> {
  const loader = rt.modules.loader;
  if (loader === undefined) return;
  await Promise.all(names.map((n) => (rt.modules.isLoaded(n) ? undefined : loader(n)?.catch(() => undefined))));
}

/** How much of an OTP system `bootSystem` starts (runtime/erl/beamjs_init.erl). */
export type SystemMode = 'full' | 'minimal';

/**
 * Start the Erlang side of the system in `rt`: `init`, the code server, the
 * I/O servers and, in `full` mode, the kernel and stdlib applications
 * (application_controller, logger, kernel_sup). Resolves with the pid of
 * `user`, the group leader for the processes the host starts.
 */
export async function bootSystem(rt: Runtime, mode: SystemMode = 'full'): Promise<Pid> {
  if (mode === 'full') await preload(rt, FULL_BOOT_MODULES);
  const r = await rt.call('beamjs_init', 'boot', [mode]);
  if (Array.isArray(r) && r[0] === 'ok' && r[1] instanceof Pid) return r[1];
  throw new BootError(formatW(r));
}

export class BootError extends Error {}

/**
 * Start the elixir application (and Elixir's logger) as the `elixir` command
 * does before it runs code: after a full `bootSystem`, with Elixir's ebin
 * folders on the code path.
 */
export async function startElixir(rt: Runtime, groupLeader: Pid): Promise<void> {
  const r = await rt.call('beamjs_init', 'start_elixir', [], { groupLeader });
  if (r !== 'ok') throw new BootError(`the elixir application did not start: ${formatW(r)}`);
}
