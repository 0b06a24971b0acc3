/**
 * Raising from inline BIFs and map updates, and calling BIFs that are not
 * inline (through the registry) from `bif`/`gc_bif` instructions.
 */
import { ErlangError, SUSPEND, TAIL } from '../process/protocol.js';
import { mapFromEntries } from '../terms/map.js';
import { NIL, Pid, list, type Atom, type Term } from '../terms/types.js';
import { send as sendSignal } from '../process/signals.js';
import { failure } from './arith.js';
import { bsErrorInfo } from './bs-build.js';
import { frameOf, location, owned, type FnInfo } from './errors.js';
import type { ExtCell } from './calls.js';

/** BIFs whose default failure is badarith rather than badarg. */
const ARITH = new Set(['+', '-', '*', '/', 'div', 'rem', 'band', 'bor', 'bxor', 'bsl', 'bsr', 'bnot']);

/** The module that explains a failing BIF of each module (OTP 25's error_info). */
const ERROR_MODULES: Record<string, string> = {
  erlang: 'erl_erts_errors', atomics: 'erl_erts_errors', counters: 'erl_erts_errors',
  persistent_term: 'erl_erts_errors',
  binary: 'erl_stdlib_errors', ets: 'erl_stdlib_errors', lists: 'erl_stdlib_errors',
  maps: 'erl_stdlib_errors', math: 'erl_stdlib_errors', re: 'erl_stdlib_errors',
  unicode: 'erl_stdlib_errors', io: 'erl_stdlib_errors',
  os: 'erl_kernel_errors', erl_ddll: 'erl_kernel_errors',
};
const locations = new Map<string, Term>();

/**
 * BEAM's location of a failing BIF of module `m`:
 * `[{error_info, #{module => erl_erts_errors}}]` and the like, or `[]`.
 */
export function bifLocation(m: Atom = 'erlang'): Term {
  let loc = locations.get(m);
  if (loc === undefined) {
    const em = ERROR_MODULES[m];
    loc = em === undefined ? NIL : list([['error_info', mapFromEntries([['module', em]])]]);
    locations.set(m, loc);
  }
  return loc;
}

function takeReason(dflt: Term): Term {
  const r = failure.reason;
  failure.reason = undefined;
  return r ?? dflt;
}

/**
 * An inline BIF failed in a body: raise with BEAM's trace
 * `[{M, F, Args, [{error_info, ...}]}, {CallerM, CallerF, Arity, Loc}]`.
 */
export function bifFail(m: Atom, f: Atom, args: Term[], fi: FnInfo, line: number): never {
  const reason = takeReason(ARITH.has(f) ? 'badarith' : 'badarg');
  throw owned('error', reason, [[m, f, list(args), bifLocation(m)], frameOf(fi, line)]);
}

/** `X + K` / `X - K` with a constant K failed: BEAM shows only the caller (ops-bifs.ts). */
export function arithFail(fi: FnInfo, line: number): never {
  throw owned('error', takeReason('badarith'), [frameOf(fi, line)]);
}

/** An inline operation (map update...) failed: the reason is in `failure`. */
export function opFail(fi: FnInfo, line: number): never {
  throw owned('error', takeReason('badarg'), [frameOf(fi, line)]);
}

export function opFailWith(reason: Term, fi: FnInfo, line: number): never {
  failure.reason = undefined;
  throw owned('error', reason, [frameOf(fi, line)]);
}

/** A binary construction failed in a body: badarg with BEAM's error_info location. */
export function bsRaise(fi: FnInfo, line: number, withInfo: boolean): never {
  failure.reason = undefined;
  const info = bsErrorInfo();
  const loc = location(fi.file, line, withInfo ? info : undefined);
  throw owned('error', 'badarg', [[fi.module, fi.name, fi.arity, loc]]);
}

function finish(p: any, r: Term): Term {
  if (r === TAIL) r = p.runTail();
  if (r === SUSPEND) throw new Error('a BIF called from a bif instruction suspended the process');
  return r;
}

/** A non-inline BIF in a body: call it through the registry. */
export function bodyBif(p: any, cell: ExtCell, args: Term[]): Term {
  return finish(p, cell.fn(p, ...args));
}

/**
 * The send instruction (`Dest ! Msg`): to a pid, straight to the mailbox
 * (no argument array, no registry wrapper: the ring benchmark's hot path);
 * any other destination through erlang:send/2, which raises like BEAM.
 */
export function send(p: any, cell: ExtCell, dest: Term, msg: Term): Term {
  if (dest instanceof Pid) {
    sendSignal(p.rt, dest, msg);
    return msg;
  }
  return finish(p, cell.fn(p, dest, msg));
}

/** A non-inline BIF in a guard: an exception means "the guard fails" (undefined). */
export function guardBif(p: any, cell: ExtCell, args: Term[]): Term | undefined {
  try {
    return finish(p, cell.fn(p, ...args));
  } catch (e) {
    if (e instanceof ErlangError) return undefined;
    throw e;
  }
}

export { NIL };
