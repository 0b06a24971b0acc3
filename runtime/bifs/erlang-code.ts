/**
 * The code-related BIFs of `erlang`: which modules are loaded and what they
 * export. Loading itself is the module registry's (runtime/process/modules.ts)
 * and the code server's (runtime/erl/beamjs_code_server.erl).
 */
import { list, type Term } from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';

/** The modules erts preloads (erlang:pre_loaded/0 on OTP 25). */
const PRELOADED = [
  'erts_code_purger', 'erl_init', 'init', 'prim_buffer', 'prim_eval', 'prim_inet', 'prim_file',
  'zlib', 'socket_registry', 'prim_socket', 'prim_net', 'prim_zip', 'erl_prim_loader', 'erlang',
  'erts_internal', 'erl_tracer', 'erts_literal_area_collector', 'erts_dirty_process_signal_handler',
  'atomics', 'counters', 'persistent_term',
];

export const codeBifs: [string, Bif][] = [
  ['loaded/0', (p) => list(p.rt.modules.modules() as Term[])],
  ['pre_loaded/0', () => list(PRELOADED)],
  [
    'function_exported/3',
    (p, m: Term, f: Term, a: Term) => {
      if (typeof m !== 'string' || typeof f !== 'string' || typeof a !== 'number' || !Number.isInteger(a) || a < 0) badarg();
      return p.rt.modules.lookup(m, f, a) !== undefined ? 'true' : 'false';
    },
  ],
  ['check_old_code/1', (_p, m: Term) => (typeof m === 'string' ? 'false' : badarg())],
  ['check_process_code/2', (_p, pid: Term, m: Term) => (typeof m === 'string' && pid !== undefined ? 'false' : badarg())],
  ['check_process_code/3', (_p, pid: Term, m: Term) => (typeof m === 'string' && pid !== undefined ? 'false' : badarg())],
];
