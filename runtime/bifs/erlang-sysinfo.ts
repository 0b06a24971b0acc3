/**
 * `erlang:system_info/1` (and system_flag/2, from ./erlang-sysflag.ts).
 *
 * Three kinds of answers:
 * - facts of OTP 25 / erts 13.1.5, as erl gives them (otp_release, version,
 *   wordsize 8 both internal and external, the limits, nif_version, ...);
 * - facts of this runtime: one scheduler, one thread, no async
 *   threads, no kernel poll, process_count from the live processes;
 * - facts of the host (os_type, os_version, logical_processors,
 *   system_architecture) from ./os-host.ts.
 *
 * system_version says beamjs: "Erlang/OTP 25 [erts-13.1.5] [beamjs] [64-bit]
 * [smp:1:1] [ds:1:1:1] [async-threads:0]\n". Unknown items, and items about
 * erts internals that have no meaning here (allocators, ethread_info,
 * {allocator, _}, dist, ...), are `badarg`.
 */
import { BOOT_ATOMS } from '../terms/atom-table.js';
import { charlist, list, utf8Binary, type Term } from '../terms/types.js';
import { badarg, bifTable, isSmall, type Bif } from './erlang-args.js';
import { isBuiltin } from './erlang-sysinfo-builtins.js';
import { decodePacket } from './erlang-sysinfo-packet.js';
import { HEAP_SIZES, maxHeapSizeTerm, systemFlagBif, systemFlags } from './erlang-sysflag.js';
import { logicalProcessors, osType, osVersion, systemArchitecture } from './os-host.js';

interface Rt {
  procs?: Map<number, unknown>;
  ports?: Map<number, unknown>;
  modules?: { modules(): string[] };
}
type P = { rt?: Rt };

export const OTP_RELEASE = '25';
export const ERTS_VERSION = '13.1.5';
export const SYSTEM_VERSION = `Erlang/OTP ${OTP_RELEASE} [erts-${ERTS_VERSION}] [beamjs] [64-bit] [smp:1:1] [ds:1:1:1] [async-threads:0]\n`;

const str = (s: string): Term => charlist(s);
const procCount = (p: P): number => p.rt?.procs?.size ?? 1;
const loadedModules = (p: P): string[] => p.rt?.modules?.modules() ?? [];

function gcSettings(p: P): Term {
  const f = systemFlags(p);
  return list([
    ['max_heap_size', f.maxHeapSize.size], ['min_bin_vheap_size', f.minBinVheapSize],
    ['min_heap_size', f.minHeapSize], ['fullsweep_after', f.fullsweepAfter],
  ]);
}

/** A clock source description, shaped like erl's (function, resolution, ...). */
const timeSource = (fn: string, time: () => number): Term =>
  list([['function', fn], ['resolution', 1_000_000], ['extended', 'no'], ['parallel', 'no'], ['time', Math.round(time() * 1e6)]]);

const processorsOr = (fallback: Term): Term => logicalProcessors() ?? fallback;

const ITEMS = new Map<string, (p: P) => Term>([
  ['otp_release', () => str(OTP_RELEASE)],
  ['version', () => str(ERTS_VERSION)],
  ['system_version', () => str(SYSTEM_VERSION)],
  ['machine', () => str('BEAM')],
  ['wordsize', () => 8],
  ['compat_rel', () => 25],
  ['driver_version', () => str('3.3')],
  ['nif_version', () => str('2.16')],
  ['build_type', () => 'opt'],
  ['emu_type', () => 'opt'],
  ['emu_flavor', () => 'jit'],
  ['debug_compiled', () => 'false'],
  ['hipe_architecture', () => 'undefined'],
  ['c_compiler_used', () => ['undefined', 'undefined']],
  ['dynamic_trace', () => 'none'],
  ['dynamic_trace_probes', () => 'false'],
  ['modified_timing_level', () => 'undefined'],
  ['heap_type', () => 'private'],
  ['smp_support', () => 'true'],
  ['threads', () => 'true'],
  ['thread_pool_size', () => 0],
  ['kernel_poll', () => 'false'],
  ['eager_check_io', () => 'true'],
  ['check_io', () => list([])],
  ['endian', () => 'little'],
  ['creation', () => 0],
  ['dist_ctrl', () => list([])],
  ['dist_buf_busy_limit', () => 1048576],
  ['delayed_node_table_gc', () => 60],
  ['process_count', (p) => procCount(p)],
  ['process_limit', () => 262144],
  ['port_count', (p) => p.rt?.ports?.size ?? 0],
  ['port_limit', () => 65536],
  ['atom_count', () => BOOT_ATOMS.length],
  ['atom_limit', () => 1048576],
  ['ets_count', () => 0],
  ['ets_limit', () => 8192],
  ['ets_always_compress', () => 'false'],
  ['schedulers', () => 1],
  ['schedulers_online', () => 1],
  ['schedulers_state', () => [1, 1, 1]],
  ['scheduler_id', () => 1],
  ['dirty_cpu_schedulers', () => 1],
  ['dirty_cpu_schedulers_online', () => 1],
  ['dirty_io_schedulers', () => 1],
  ['multi_scheduling', () => 'disabled'],
  ['multi_scheduling_blockers', () => list([])],
  ['normal_multi_scheduling_blockers', () => list([])],
  ['scheduler_bind_type', () => 'unbound'],
  ['scheduler_bindings', () => ['unbound']],
  ['cpu_topology', () => 'undefined'],
  ['logical_processors', () => processorsOr('unknown')],
  ['logical_processors_available', () => processorsOr('unknown')],
  ['logical_processors_online', () => processorsOr('unknown')],
  ['update_cpu_info', () => 'unchanged'],
  ['port_parallelism', () => 'false'],
  ['os_type', () => osType()],
  ['os_version', () => osVersion()],
  ['system_architecture', () => str(systemArchitecture())],
  ['context_reductions', () => 4000],
  ['start_time', () => 0],
  ['end_time', () => 2n ** 63n - 1n],
  ['time_offset', () => 'final'],
  ['time_warp_mode', () => 'no_time_warp'],
  ['time_correction', () => 'false'],
  ['tolerant_timeofday', () => 'enabled'],
  ['os_monotonic_time_source', () => timeSource('performance.now', () => performance.now())],
  ['os_system_time_source', () => timeSource('Date.now', () => Date.now())],
  ['sequential_tracer', () => ['sequential_tracer', 'false']],
  ['trace_control_word', (p) => systemFlags(p).traceControlWord],
  ['fullsweep_after', (p) => ['fullsweep_after', systemFlags(p).fullsweepAfter]],
  ['min_heap_size', (p) => ['min_heap_size', systemFlags(p).minHeapSize]],
  ['min_bin_vheap_size', (p) => ['min_bin_vheap_size', systemFlags(p).minBinVheapSize]],
  ['max_heap_size', (p) => maxHeapSizeTerm(systemFlags(p).maxHeapSize)],
  ['garbage_collection', (p) => gcSettings(p)],
  ['heap_sizes', () => list([...HEAP_SIZES])],
  ['system_logger', (p) => systemFlags(p).systemLogger],
  ['outstanding_system_requests_limit', (p) => systemFlags(p).outstandingSystemRequestsLimit],
  ['allocated_areas', () => list([])],
  ['alloc_util_allocators', () => list([])],
  ['allocator', () => ['undefined', list([]), list([]), list([])]],
  ['loaded', (p) => utf8Binary(loadedModules(p).map((m) => `${m}\n`).join(''))],
  ['info', (p) => utf8Binary(`=memory\n=processes\ncount: ${procCount(p)}\n`)],
  ['procs', () => utf8Binary('')],
]);

/** `{Item, Arg}` items. */
function tupleItem(item: Term[]): Term {
  const [tag, arg] = item;
  if (item.length !== 2) return badarg();
  if (tag === 'wordsize' && (arg === 'internal' || arg === 'external')) return 8;
  if (tag === 'cpu_topology' && (arg === 'defined' || arg === 'detected' || arg === 'used')) return 'undefined';
  return badarg();
}

export function systemInfo(p: P, item: Term): Term {
  if (Array.isArray(item)) return tupleItem(item);
  const f = typeof item === 'string' ? ITEMS.get(item) : undefined;
  return f === undefined ? badarg() : f(p);
}

/** erlang:is_builtin/3: from OTP 25's own answers (./erlang-sysinfo-builtins.ts). */
function isBuiltinBif(m: Term, f: Term, a: Term): Term {
  // The arity must be a small integer (60 bits), as erts checks it.
  if (typeof m !== 'string' || typeof f !== 'string' || !isSmall(a)) return badarg();
  return typeof a === 'number' && isBuiltin(m, f, a) ? 'true' : 'false';
}

export const sysinfoBifs: Map<string, Bif> = bifTable([
  ['system_info/1', (p, item) => systemInfo(p, item)],
  ['system_flag/2', systemFlagBif],
  ['is_builtin/3', (_p, m, f, a) => isBuiltinBif(m, f, a)],
  ['decode_packet/3', (_p, t, b, o) => decodePacket(t, b, o)],
]);
