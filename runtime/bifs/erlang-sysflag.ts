/**
 * `erlang:system_flag/2` and the per-runtime settings it changes (which
 * `erlang:system_info/1` reads back). Each flag returns its old value, and
 * checks its new value as erts does (erl_bif_info.c): a bad value is
 * `badarg` and changes nothing.
 *
 * The garbage-collection settings have no effect here (JS collects), but they
 * are remembered and rounded as on BEAM, so code that sets and reads them
 * back sees what it would on erl. beamjs runs one scheduler: the scheduler
 * counts can only be set to 1.
 */
import { mapFromEntries } from '../terms/map.js';
import { isMap, isPid, type Term } from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';

export interface SystemFlags {
  backtraceDepth: number;
  minHeapSize: number;
  minBinVheapSize: number;
  fullsweepAfter: number;
  maxHeapSize: { size: number; kill: boolean; errorLogger: boolean };
  traceControlWord: number;
  schedulerWallTime: boolean;
  microstateAccounting: boolean;
  systemLogger: Term;
  outstandingSystemRequestsLimit: number;
  multiSchedulingBlocked: boolean;
}

const flags = new WeakMap<object, SystemFlags>();

/** The flags of the runtime `p` belongs to (OTP 25's defaults at first). */
export function systemFlags(p: { rt?: object }): SystemFlags {
  const key = p.rt ?? p;
  let f = flags.get(key);
  if (f === undefined) {
    f = {
      backtraceDepth: 8,
      minHeapSize: 233,
      minBinVheapSize: 46422,
      fullsweepAfter: 65535,
      maxHeapSize: { size: 0, kill: true, errorLogger: true },
      traceControlWord: 0,
      schedulerWallTime: false,
      microstateAccounting: false,
      systemLogger: 'logger',
      outstandingSystemRequestsLimit: 4,
      multiSchedulingBlocked: false,
    };
    flags.set(key, f);
  }
  return f;
}

/** erts' heap size steps: 12, 38, then Fibonacci-like to 2^20 words, then +20% each. */
export const HEAP_SIZES: readonly number[] = (() => {
  const s = [12, 38];
  while (s.length < 137) {
    const a = s[s.length - 1]!;
    const b = s[s.length - 2]!;
    s.push(a + b + 1 < 2 ** 20 ? a + b + 1 : Math.floor(a * 1.2));
  }
  return s;
})();

/** The smallest heap size step that holds `words`. */
const nextHeapSize = (words: number): number => HEAP_SIZES.find((h) => h >= words) ?? HEAP_SIZES[HEAP_SIZES.length - 1]!;

const isNonNeg = (t: Term): t is number => typeof t === 'number' && Number.isInteger(t) && t >= 0;
const boolArg = (t: Term): boolean => (t === 'true' ? true : t === 'false' ? false : badarg());
const bool = (b: boolean): Term => (b ? 'true' : 'false');

export function maxHeapSizeTerm(m: SystemFlags['maxHeapSize']): Term {
  return mapFromEntries([['error_logger', bool(m.errorLogger)], ['kill', bool(m.kill)], ['size', m.size]]);
}

/** `max_heap_size`'s value: a size or a map of size/kill/error_logger. */
function parseMaxHeap(t: Term, old: SystemFlags['maxHeapSize'], minHeap: number): SystemFlags['maxHeapSize'] {
  const next = { ...old };
  if (isNonNeg(t)) next.size = t;
  else if (isMap(t)) {
    for (const [k, v] of t.entries()) {
      if (k === 'size' && isNonNeg(v)) next.size = v;
      else if (k === 'kill') next.kill = boolArg(v);
      else if (k === 'error_logger') next.errorLogger = boolArg(v);
      else return badarg();
    }
  } else return badarg();
  if (next.size !== 0 && next.size < minHeap) return badarg();
  return next;
}

type Setter = (f: SystemFlags, v: Term) => Term;

const SETTERS = new Map<string, Setter>([
  ['backtrace_depth', (f, v) => {
    if (!isNonNeg(v)) return badarg();
    const old = f.backtraceDepth;
    f.backtraceDepth = Math.min(v, 64);
    return old;
  }],
  ['min_heap_size', (f, v) => {
    if (!isNonNeg(v)) return badarg();
    const old = f.minHeapSize;
    f.minHeapSize = nextHeapSize(v);
    return old;
  }],
  ['min_bin_vheap_size', (f, v) => {
    if (!isNonNeg(v)) return badarg();
    const old = f.minBinVheapSize;
    f.minBinVheapSize = nextHeapSize(v);
    return old;
  }],
  ['fullsweep_after', (f, v) => {
    if (!isNonNeg(v)) return badarg();
    const old = f.fullsweepAfter;
    f.fullsweepAfter = v;
    return old;
  }],
  ['max_heap_size', (f, v) => {
    const old = maxHeapSizeTerm(f.maxHeapSize);
    f.maxHeapSize = parseMaxHeap(v, f.maxHeapSize, f.minHeapSize);
    return old;
  }],
  ['trace_control_word', (f, v) => {
    if (!isNonNeg(v) || v > 0xffffffff) return badarg();
    const old = f.traceControlWord;
    f.traceControlWord = v;
    return old;
  }],
  ['scheduler_wall_time', (f, v) => {
    const old = f.schedulerWallTime;
    f.schedulerWallTime = boolArg(v);
    return bool(old);
  }],
  ['microstate_accounting', (f, v) => {
    const old = f.microstateAccounting;
    if (v !== 'reset') f.microstateAccounting = boolArg(v);
    return bool(old);
  }],
  ['system_logger', (f, v) => {
    const old = f.systemLogger;
    if (!isPid(v) && v !== 'logger' && v !== 'undefined') return badarg();
    f.systemLogger = v;
    return old;
  }],
  ['outstanding_system_requests_limit', (f, v) => {
    if (!isNonNeg(v) || v < 1 || v > 2 ** 30) return badarg();
    const old = f.outstandingSystemRequestsLimit;
    f.outstandingSystemRequestsLimit = v;
    return old;
  }],
  // One scheduler: blocking multi-scheduling changes nothing that can be seen.
  ['multi_scheduling', (_f, v) => {
    if (v === 'block' || v === 'block_normal') return 'disabled';
    if (v === 'unblock' || v === 'unblock_normal') return 'disabled';
    return badarg();
  }],
  ['schedulers_online', (_f, v) => (v === 1 ? 1 : badarg())],
  ['dirty_cpu_schedulers_online', (_f, v) => (v === 1 ? 1 : badarg())],
  ['time_offset', (_f, v) => (v === 'finalize' ? 'final' : badarg())],
  ['scheduler_bind_type', () => 'unbound'],
  ['cpu_topology', () => 'undefined'],
]);

export function systemFlag(p: { rt?: object }, flag: Term, value: Term): Term {
  const set = typeof flag === 'string' ? SETTERS.get(flag) : undefined;
  if (set === undefined) return badarg();
  return set(systemFlags(p), value);
}

export const systemFlagBif: Bif = (p, flag, value) => systemFlag(p, flag, value);
