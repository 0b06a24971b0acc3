/**
 * Match specifications as values: `ets:match_spec_compile/1`,
 * `ets:is_compiled_ms/1`, `ets:match_spec_run_r/3` (behind
 * ets:match_spec_run/2), and `erlang:match_spec_test/3` for the `table` kind
 * (behind ets:test_ms/2; it belongs to the `erlang` module's table, see
 * `ertsMatchSpecBifs`).
 */
import type { Process } from '../process/process.js';
import { Cons, NIL, charlist, list, type Term } from '../terms/types.js';
import { badarg, type Bif } from './erlang-args.js';
import { MatchSpecRef, MsError, compileMatchSpec, tryCompile } from './match-spec.js';

type P = Process;

function compile(p: P, spec: Term): Term {
  const ms = tryCompile(spec) ?? badarg();
  return new MatchSpecRef(p.rt.refs.make().ids, ms);
}

/** Results of the compiled spec over `l`, consed in front of `acc` (reversed). */
function runR(p: P, l: Term, ms: Term, acc: Term): Term {
  if (!(ms instanceof MatchSpecRef)) return badarg();
  let out = acc;
  let x = l;
  for (; x instanceof Cons; x = x.tl) {
    const r = ms.ms.run(x.hd, p.pid, p.rt.node);
    if (r !== undefined) out = new Cons(r, out);
  }
  return x === NIL ? out : badarg();
}

/**
 * `erlang:match_spec_test(Term, MS, table)`: `{ok, Result, [], []}` (Result is
 * `false` when nothing matches) or `{error, [{error, Text}]}`. BEAM's texts
 * are reproduced for the common mistakes; others get a generic text.
 */
function matchSpecTest(p: P, term: Term, spec: Term, kind: Term): Term {
  if (kind !== 'table') return badarg();
  let why: string;
  try {
    const ms = compileMatchSpec(spec);
    const r = ms.run(term, p.pid, p.rt.node);
    return ['ok', r ?? 'false', NIL, NIL];
  } catch (e) {
    if (!(e instanceof MsError)) throw e;
    why = e.why;
  }
  return ['error', list([['error', charlist(why)]])];
}

export const matchSpecBifs: [string, Bif][] = [
  ['match_spec_compile/1', (p: P, s) => compile(p, s)],
  ['is_compiled_ms/1', (_p: P, x) => (x instanceof MatchSpecRef ? 'true' : 'false')],
  ['match_spec_run_r/3', (p: P, l, ms, acc) => runR(p, l, ms, acc)],
];

/** For the `erlang` module's BIF table (the lead wires it). */
export const ertsMatchSpecBifs: [string, Bif][] = [
  ['match_spec_test/3', (p: P, t, s, k) => matchSpecTest(p, t, s, k)],
];
