/**
 * The rest of the `erlang` BIFs the language needs: funs (make_fun/3,
 * fun_info/1,2, fun_to_list/1), the text forms of pids, ports and refs and
 * back, display/1, bump_reductions/1 and nif_error/1,2.
 *
 * `list_to_pid/1`, `list_to_port/1` and `list_to_ref/1` accept what OTP 25
 * accepts for the local node (channel 0): decimal numbers (read modulo 2^64,
 * as erts does), a pid number ≤ 32767 and serial ≤ 8191, a port number below
 * 2^28, a reference of exactly three 32-bit words whose last one is below
 * 2^18. (erts also rejects a reference whose middle word names a scheduler
 * that does not exist; that depends on the machine and is not checked here.)
 */
import { ErlangError } from '../process/protocol.js';
import { funToList, pidToList, portToList, refToList } from '../terms/print.js';
import {
  BitString, Cons, ExportFun, Fun, NIL, Pid, Port, Ref, charlist, list, type Term,
} from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';
import { byteListText } from './erlang-convert.js';
import { display, displayString } from './erlang-display.js';

/** The most arguments a function can have (MAX_ARG). */
const MAX_ARITY = 255;

function makeFun(m: Term, f: Term, a: Term): ExportFun {
  if (typeof m !== 'string' || typeof f !== 'string') return badarg();
  if (typeof a !== 'number' || a < 0 || a > MAX_ARITY) return badarg();
  return new ExportFun(m, f, a);
}

/** `erlang:fun_info(F, Item)`. */
export function funInfo(f: Term, item: Term): Term {
  if (f instanceof ExportFun) return [item, exportFunItem(f, item)];
  if (f instanceof Fun) return [item, localFunItem(f, item)];
  return badarg();
}

function exportFunItem(f: ExportFun, item: Term): Term {
  switch (item) {
    case 'type': return 'external';
    case 'module': return f.module;
    case 'name': return f.name;
    case 'arity': return f.arity;
    case 'env': return NIL;
    case 'pid':
    case 'index':
    case 'new_index':
    case 'uniq':
    case 'new_uniq':
      return 'undefined';
  }
  return badarg();
}

function localFunItem(f: Fun, item: Term): Term {
  switch (item) {
    case 'type': return 'local';
    case 'module': return f.module;
    // Funs decoded from the external format before their module is loaded
    // have no name yet; BEAM would know it from the module's fun table.
    case 'name': return f.name ?? `-fun-${f.index}-`;
    case 'arity': return f.arity;
    case 'env': return list(f.env);
    case 'pid': return f.pid;
    case 'index': return f.oldIndex;
    case 'new_index': return f.index;
    case 'uniq': return f.oldUniq;
    case 'new_uniq': return new BitString(f.uniq, f.uniq.length * 8);
  }
  return badarg();
}

/** erlang.erl's fun_info/1: the items whose value is not `undefined`, in its order. */
function funInfo1(f: Term): Term {
  if (!(f instanceof Fun || f instanceof ExportFun)) return badarg();
  const keys = ['type', 'env', 'arity', 'name', 'uniq', 'index', 'new_uniq', 'new_index', 'module', 'pid'];
  const out: Term[] = [];
  for (const k of keys) {
    const pair = funInfo(f, k) as Term[];
    if (pair[1] !== 'undefined') out.unshift(pair);
  }
  return list(out);
}

const TWO64 = 2n ** 64n;

/** The numbers of `<prefix>0.N.N...>`, read modulo 2^64, or undefined. */
function parseIds(l: Term, prefix: string): bigint[] | undefined {
  if (!(l instanceof Cons)) return undefined;
  const s = byteListText(l);
  if (s === undefined || !s.startsWith(prefix) || !s.endsWith('>')) return undefined;
  const fields = s.slice(prefix.length, -1).split('.');
  if (!fields.every((f) => /^[0-9]+$/.test(f))) return undefined;
  const nums = fields.map((f) => BigInt(f) % TWO64);
  return nums[0] === 0n ? nums.slice(1) : undefined; // channel 0: this node
}

function listToPid(l: Term): Pid {
  const ids = parseIds(l, '<');
  if (ids === undefined || ids.length !== 2 || ids[0]! > 32767n || ids[1]! > 8191n) return badarg();
  return new Pid(Number(ids[0]), Number(ids[1]));
}

function listToPort(l: Term): Port {
  const ids = parseIds(l, '#Port<');
  if (ids === undefined || ids.length !== 1 || ids[0]! >= 2n ** 28n) return badarg();
  return new Port(Number(ids[0]));
}

function listToRef(l: Term): Ref {
  const ids = parseIds(l, '#Ref<');
  if (ids === undefined || ids.length !== 3 || ids.some((w) => w >= 2n ** 32n)) return badarg();
  const words = ids.map(Number).reverse(); // printed most significant first
  return words[0]! < 2 ** 18 ? new Ref(words) : badarg();
}

function bumpReductions(p: any, n: Term): Term {
  if (typeof n !== 'number' || n < 0) return badarg();
  // Spend them from the budget: the process yields at its next function entry.
  if (p !== null && typeof p === 'object' && typeof p.reds === 'number') p.reds = Math.max(0, p.reds - n);
  return 'true';
}

const ofType = <T>(t: Term, cls: new (...a: any[]) => T): T => (t instanceof cls ? t : badarg());

export const miscBifs: [string, Bif][] = [
  ['make_fun/3', (_p, m, f, a) => makeFun(m, f, a)],
  ['fun_info/1', (_p, f) => funInfo1(f)],
  ['fun_info/2', (_p, f, item) => funInfo(f, item)],
  ['fun_to_list/1', (_p, f) => charlist(f instanceof Fun || f instanceof ExportFun ? funToList(f) : badarg())],
  ['pid_to_list/1', (_p, x) => charlist(pidToList(ofType(x, Pid)))],
  ['port_to_list/1', (_p, x) => charlist(portToList(ofType(x, Port)))],
  ['ref_to_list/1', (_p, x) => charlist(refToList(ofType(x, Ref)))],
  ['list_to_pid/1', (_p, l) => listToPid(l)],
  ['list_to_port/1', (_p, l) => listToPort(l)],
  ['list_to_ref/1', (_p, l) => listToRef(l)],
  ['display/1', (p, t) => display(p, t)],
  ['display_string/1', (p, t) => displayString(p, t)],
  ['bump_reductions/1', (p, n) => bumpReductions(p, n)],
  ['nif_error/1', (_p, r) => {
    throw new ErlangError('error', r);
  }],
  ['nif_error/2', (_p, r) => {
    throw new ErlangError('error', r);
  }],
];
