/**
 * `erlang:statistics/1` and the other `erlang` BIFs about the VM itself that
 * programs call without depending on their exact values: monitoring hooks
 * that are off (`system_monitor`, `system_profile`), node monitoring (no distribution), `display_nl/0`,
 * `fun_info_mfa/1`, `delete_module/1` (which unloads a compiled module).
 */
import { unloadModule } from '../exec/load.js';
import { nowMs } from '../process/time.js';
import { ExportFun, Fun, list, type Term } from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';

interface Last {
  wall: number;
  cpu: number;
  reds: number;
}
const lastOf = new WeakMap<object, Last>();
const started = new WeakMap<object, number>();

/** Milliseconds of CPU this JS process has used (wall time where unknown). */
function cpuMs(): number {
  const proc = (globalThis as { process?: { cpuUsage?: () => { user: number; system: number } } }).process;
  const u = proc?.cpuUsage?.();
  return u === undefined ? nowMs() : Math.floor((u.user + u.system) / 1000);
}

function totalReductions(rt: any): number {
  let n = 0;
  for (const p of rt.procs.values()) n += p.totalReds + (p === rt.current ? 4000 - p.reds : 0);
  return n;
}

function statistics(p: any, item: Term): Term {
  const rt = p.rt;
  let last = lastOf.get(rt);
  if (last === undefined) {
    started.set(rt, nowMs());
    last = { wall: 0, cpu: 0, reds: 0 };
    lastOf.set(rt, last);
  }
  switch (item) {
    case 'wall_clock': {
      const total = Math.floor(nowMs() - started.get(rt)!);
      const r = [total, total - last.wall];
      last.wall = total;
      return r;
    }
    case 'runtime': {
      const total = cpuMs();
      const r = [total, total - last.cpu];
      last.cpu = total;
      return r;
    }
    case 'reductions':
    case 'exact_reductions': {
      const total = totalReductions(rt);
      const r = [total, total - last.reds];
      last.reds = total;
      return r;
    }
    case 'run_queue':
    case 'total_run_queue_lengths':
    case 'total_run_queue_lengths_all':
    case 'total_active_tasks':
    case 'total_active_tasks_all':
      return rt.sched.runnable;
    case 'run_queue_lengths':
    case 'run_queue_lengths_all':
    case 'active_tasks':
    case 'active_tasks_all':
      return list([rt.sched.runnable]);
    case 'context_switches':
      return [0, 0];
    case 'garbage_collection':
      return [0, 0, 0];
    case 'io':
      return [['input', 0], ['output', 0]];
    case 'scheduler_wall_time':
    case 'scheduler_wall_time_all':
    case 'microstate_accounting':
      return 'undefined';
    default:
      return badarg();
  }
}

export const statsBifs: [string, Bif][] = [
  ['statistics/1', statistics],
  ['system_monitor/0', () => 'undefined'],
  ['system_monitor/1', (_p, _s: Term) => 'undefined'],
  ['system_monitor/2', (_p, _pid: Term, _o: Term) => 'undefined'],
  ['system_profile/0', () => 'undefined'],
  ['system_profile/2', (_p, _pid: Term, _o: Term) => 'undefined'],
  ['display_nl/0', (p) => {
    (p.rt.stdout as (s: string) => void)('\n');
    return 'true';
  }],
  ['fun_info_mfa/1', (_p, f: Term) => {
    if (f instanceof ExportFun) return [f.module, f.name, f.arity];
    if (f instanceof Fun) return [f.module, f.name ?? 'fun', f.arity];
    return badarg();
  }],
  ['delete_module/1', (p, m: Term) => {
    if (typeof m !== 'string') badarg();
    if (!p.rt.modules.isLoaded(m)) return 'undefined';
    unloadModule(p.rt.modules, m);
    return 'true';
  }],
];
