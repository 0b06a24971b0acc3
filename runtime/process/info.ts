/**
 * `erlang:process_info/1,2`. Items and their shapes follow OTP 25; sizes that
 * describe BEAM's memory (heap_size, memory, ...) are plausible numbers of the
 * same magnitude, since this runtime has no per-process heap.
 */
import { badarg } from './errors.js';
import { properList } from './modules.js';
import { monitoredByInfo, monitorsInfo } from './monitors.js';
import type { Process } from './process.js';
import type { Runtime } from './runtime.js';
import { CONTEXT_REDS } from './types.js';
import { mapFromEntries } from '../terms/map.js';
import { Cons, NIL, Pid, binary, list, type Term } from '../terms/types.js';
import { heapTrace } from '../exec/errors.js';
import { SUSPEND } from './protocol.js';

/** BEAM's default minimum heap size, in words. */
const MIN_HEAP_SIZE = 233;
const MIN_BIN_VHEAP_SIZE = 46422;
const FULLSWEEP_AFTER = 65535;

/** What process_info/1 reports, in BEAM's order (registered_name first when set). */
const DEFAULT_ITEMS = [
  'current_function',
  'initial_call',
  'status',
  'message_queue_len',
  'links',
  'dictionary',
  'trap_exit',
  'error_handler',
  'priority',
  'group_leader',
  'total_heap_size',
  'heap_size',
  'stack_size',
  'reductions',
  'garbage_collection',
  'suspending',
];

export function flag(p: Process, name: string, dflt: Term): Term {
  return p.flags?.get(name) ?? dflt;
}

export const maxHeapSizeMap = (size: Term = 0): Term =>
  mapFromEntries([
    ['error_logger', 'true'],
    ['kill', 'true'],
    ['size', size],
  ]);

/** `{M, F, A}` of the innermost suspended function when compiled code names it. */
function currentFunction(p: Process): Term {
  const top = p.stack[p.stack.length - 1];
  const mfa = (top?.resume as { mfa?: Term } | undefined)?.mfa;
  return mfa ?? p.initialCall;
}

function heapSize(p: Process): number {
  return MIN_HEAP_SIZE + 4 * p.stackDepth;
}

const ITEMS: Record<string, (rt: Runtime, p: Process) => Term> = {
  current_function: (_rt, p) => currentFunction(p),
  current_location: (_rt, p) => {
    const mfa = currentFunction(p) as Term[];
    return [mfa[0]!, mfa[1]!, mfa[2]!, NIL];
  },
  // A process not running has all its frames on the heap (the running one: processInfo2).
  current_stacktrace: (_rt, p) => heapTrace(p.stack),
  initial_call: (_rt, p) => p.initialCall,
  status: (_rt, p) => (p.status === 'exited' ? 'exiting' : p.status),
  message_queue_len: (_rt, p) => p.queueLength,
  messages: (_rt, p) => list(p.messages()),
  links: (_rt, p) => list([...(p.links?.values() ?? [])]),
  monitors: (rt, p) => list(monitorsInfo(rt, p)),
  monitored_by: (_rt, p) => list(monitoredByInfo(p)),
  dictionary: (_rt, p) => list([...(p.dictionaryIfAny?.entries() ?? [])].map(([k, v]) => [k, v])),
  trap_exit: (_rt, p) => (p.trapExit ? 'true' : 'false'),
  error_handler: (_rt, p) => flag(p, 'error_handler', 'error_handler'),
  priority: (_rt, p) => p.priority,
  group_leader: (_rt, p) => p.groupLeader ?? 'undefined',
  total_heap_size: (_rt, p) => heapSize(p) + 2 * p.queueLength,
  heap_size: (_rt, p) => heapSize(p),
  stack_size: (_rt, p) => 1 + p.stackDepth,
  reductions: (rt, p) => p.totalReds + (rt.current === p ? CONTEXT_REDS - p.reds : 0),
  garbage_collection: (_rt, p) =>
    list([
      ['max_heap_size', maxHeapSizeMap(flag(p, 'max_heap_size', 0))],
      ['min_bin_vheap_size', flag(p, 'min_bin_vheap_size', MIN_BIN_VHEAP_SIZE)],
      ['min_heap_size', flag(p, 'min_heap_size', MIN_HEAP_SIZE)],
      ['fullsweep_after', flag(p, 'fullsweep_after', FULLSWEEP_AFTER)],
      ['minor_gcs', 0],
    ]),
  garbage_collection_info: () => NIL,
  suspending: () => NIL,
  registered_name: (_rt, p) => p.name ?? NIL,
  memory: (_rt, p) => 8 * (heapSize(p) + 2 * p.queueLength) + 1000,
  binary: () => NIL,
  backtrace: () => binary(new Uint8Array(0)),
  catchlevel: () => 0,
  last_calls: () => 'false',
  min_heap_size: (_rt, p) => flag(p, 'min_heap_size', MIN_HEAP_SIZE),
  min_bin_vheap_size: (_rt, p) => flag(p, 'min_bin_vheap_size', MIN_BIN_VHEAP_SIZE),
  fullsweep_after: (_rt, p) => flag(p, 'fullsweep_after', FULLSWEEP_AFTER),
  max_heap_size: (_rt, p) => maxHeapSizeMap(flag(p, 'max_heap_size', 0)),
  message_queue_data: (_rt, p) => flag(p, 'message_queue_data', 'on_heap'),
  sensitive: (_rt, p) => flag(p, 'sensitive', 'false'),
  trace: () => 0,
  sequential_trace_token: () => NIL,
  parent: (_rt, p) => p.parent ?? 'undefined',
};

const isItem = (t: Term): t is string => typeof t === 'string' && Object.hasOwn(ITEMS, t);

/** The process `pid` names for process_info: badarg unless a local pid. */
function target(rt: Runtime, pid: Term): Process | undefined {
  if (!(pid instanceof Pid) || pid.node !== rt.node) return badarg();
  return rt.processOf(pid);
}

/** process_info/1. */
export function processInfo1(rt: Runtime, pid: Term): Term {
  const p = target(rt, pid);
  if (p === undefined) return 'undefined';
  const items = p.name !== undefined ? ['registered_name', ...DEFAULT_ITEMS] : DEFAULT_ITEMS;
  return list(items.map((i) => [i, ITEMS[i]!(rt, p)]));
}

/**
 * process_info/2 with one item or a list of items. The caller asking for its
 * own `current_stacktrace` suspends, so that its callers are on the heap too,
 * and gets its answer when resumed.
 */
export function processInfo2(rt: Runtime, pid: Term, what: Term, caller?: Process): Term | typeof SUSPEND {
  const wantsTrace = what === 'current_stacktrace' || (what instanceof Cons && properList(what)?.includes('current_stacktrace'));
  if (wantsTrace && caller !== undefined && pid instanceof Pid && rt.processOf(pid) === caller) {
    caller.onUnwound = () => processInfo2(rt, pid, what) as Term;
    return SUSPEND;
  }
  if (isItem(what)) {
    const p = target(rt, pid);
    if (p === undefined) return 'undefined';
    // A lone registered_name of an unnamed process is [] rather than a tuple.
    if (what === 'registered_name' && p.name === undefined) return NIL;
    return [what, ITEMS[what]!(rt, p)];
  }
  const items = properList(what);
  if (items === undefined || !items.every(isItem)) return badarg();
  const p = target(rt, pid);
  if (p === undefined) return 'undefined';
  return list(items.map((i) => [i, ITEMS[i as string]!(rt, p)]));
}
