/**
 * The `erlang` BIFs of facilities beamjs does not have — distribution,
 * ports, tracing, native code — answering as OTP 25 does on a node that
 * lacks them (checked against `erl` started without distribution):
 * `monitor_node/2,3` raise `notalive`, `nodes/2` is `[]`, trace queries
 * report nothing traced, port data is `badarg`, `load_nif/2` fails to load.
 * Sequential tracing keeps the calling process's token (labels, flags,
 * serial) but has no tracer, so nothing is ever sent to one and tokens do
 * not travel with messages.
 */
import { send } from '../process/signals.js';
import { Cons, NIL, Pid, Ref, charlist, type Term } from '../terms/types.js';
import { badarg, fail, type Bif } from './erlang-args.js';
import { processBifs } from './erlang-process.js';

interface SeqToken {
  flags: Set<string>;
  label: Term;
  serial: [number, number];
}
const tokens = new WeakMap<object, SeqToken>();
const SEQ_FLAGS = new Set(['send', 'receive', 'print', 'timestamp', 'monotonic_timestamp', 'strict_monotonic_timestamp']);

function tokenOf(p: object, create: boolean): SeqToken | undefined {
  let t = tokens.get(p);
  if (t === undefined && create) {
    t = { flags: new Set(), label: 0, serial: [0, 0] };
    tokens.set(p, t);
  }
  return t;
}

function seqTrace(p: object, flag: Term, value: Term): Term {
  if (typeof flag === 'string' && SEQ_FLAGS.has(flag)) {
    if (value !== 'true' && value !== 'false') badarg();
    const t = tokenOf(p, value === 'true');
    if (t === undefined) return 'false';
    const old = t.flags.has(flag) ? 'true' : 'false';
    if (value === 'true') t.flags.add(flag);
    else t.flags.delete(flag);
    return old;
  }
  switch (flag) {
    case 'label': {
      const t = tokenOf(p, true)!;
      const old = t.label;
      t.label = value;
      return old;
    }
    case 'serial': {
      if (!Array.isArray(value) || value.length !== 2 || !value.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0)) badarg();
      const t = tokenOf(p, true)!;
      const old: Term = [t.serial[0], t.serial[1]];
      t.serial = [value[0] as number, value[1] as number];
      return old;
    }
    case 'sequential_trace_token': {
      if (value !== NIL) badarg();
      const t = tokens.get(p);
      tokens.delete(p);
      return t === undefined ? NIL : [t.flags.size, t.label, t.serial[0], (p as { pid: Pid }).pid, t.serial[1]];
    }
    default:
      return badarg();
  }
}

function seqTraceInfo(p: object, item: Term): Term {
  const t = tokens.get(p);
  if (typeof item === 'string' && SEQ_FLAGS.has(item)) return [item, t?.flags.has(item) ? 'true' : 'false'];
  switch (item) {
    case 'label':
      return t === undefined ? NIL : ['label', t.label];
    case 'serial':
      return t === undefined ? NIL : ['serial', [t.serial[0], t.serial[1]]];
    case 'sequential_trace_token':
      return ['sequential_trace_token', t === undefined ? NIL : [t.flags.size, t.label, t.serial[0], (p as { pid: Pid }).pid, t.serial[1]]];
    default:
      return badarg();
  }
}

const TRACE_ITEMS: Record<string, Term> = {
  flags: NIL, tracer: NIL, traced: 'false', match_spec: 'false', meta: 'false', meta_match_spec: 'false',
  call_count: 'false', call_time: 'false', call_memory: 'false', all: 'false',
};

const exit2 = new Map(processBifs as [string, Bif][]).get('exit/2')!;

export const vmBifs: [string, Bif][] = [
  ['monitor_node/2', () => fail('notalive')],
  ['monitor_node/3', () => fail('notalive')],
  ['nodes/2', (_p, _arg: Term, opts: Term) => (typeof opts === 'object' && opts !== null ? NIL : badarg())],
  ['seq_trace/2', (p, flag: Term, value: Term) => seqTrace(p, flag, value)],
  ['seq_trace_info/1', (p, item: Term) => seqTraceInfo(p, item)],
  ['seq_trace_print/1', (p, _msg: Term) => (tokens.has(p) ? 'true' : 'false')],
  ['seq_trace_print/2', (p, label: Term, _msg: Term) => (tokens.get(p)?.label === label ? 'true' : 'false')],
  ['trace_info/2', (_p, _what: Term, item: Term) => {
    if (typeof item !== 'string' || !(item in TRACE_ITEMS)) return badarg();
    return [item, TRACE_ITEMS[item]!];
  }],
  ['trace_delivered/1', (p, tracee: Term) => {
    if (tracee !== 'all' && !(tracee instanceof Pid)) badarg();
    const ref = p.rt.refs.make() as Ref;
    send(p.rt, p.pid, ['trace_delivered', tracee, ref]);
    return ref;
  }],
  ['resume_process/1', () => badarg()],
  ['port_get_data/1', () => badarg()],
  ['port_set_data/2', () => badarg()],
  ['spawn_request_abandon/1', (_p, ref: Term) => (ref instanceof Ref ? 'false' : badarg())],
  ['dt_append_vm_tag_data/1', (_p, d: Term) => d],
  ['dt_prepend_vm_tag_data/1', (_p, d: Term) => d],
  ['load_nif/2', () => ['error', ['load_failed', charlist('beamjs cannot load native code (NIF libraries)')]]],
  ['has_prepared_code_on_load/1', () => badarg()],
  ['finish_loading/1', (_p, l: Term) => (l === NIL ? 'ok' : l instanceof Cons ? ['error', NIL] : badarg())],
  ['call_on_load_function/1', () => badarg()],
  ['finish_after_on_load/2', () => badarg()],
  ['exit_signal/2', (p, pid: Term, reason: Term) => exit2(p, pid, reason)],
  ['setnode/2', () => badarg()],
  ['dist_get_stat/1', () => badarg()],
  ['dist_ctrl_get_data/1', () => badarg()],
  ['dist_ctrl_put_data/2', () => badarg()],
  ['dist_ctrl_get_data_notification/1', () => badarg()],
  ['dist_ctrl_input_handler/2', () => badarg()],
  ['dist_ctrl_get_opt/2', () => badarg()],
  ['dist_ctrl_set_opt/3', () => badarg()],
];
