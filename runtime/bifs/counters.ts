/**
 * The `counters` module: signed 64-bit counters, `{atomics, Ref}` or
 * `{write_concurrency, Ref}` as counters.erl builds them.
 *
 * counters.erl sends the `atomics` kind to the atomics module (which works
 * as it is, over ./atomics.ts) and the `write_concurrency` kind to
 * erts_internal:counters_*; the erts_internal table belongs to another
 * module's BIFs, so the public functions are overlaid here and both kinds
 * share one implementation: with one JS thread there is no contention to
 * spread over per-scheduler cells. Errors are those of counters.erl
 * (`badarg`; sub/3 of a non-number is `badarith`, from its negation).
 *
 * Difference from BEAM: `info/1` of a write_concurrency counter reports the
 * memory of a plain array (erts allocates one cache line per scheduler).
 */
import { ErlFloat, normInt, type Term } from '../terms/types.js';
import { atomicsAddGet, atomicsGet, atomicsInfo, atomicsNew, atomicsPut } from './atomics.js';
import { badarg, badarith, bifTable, listToArray, type Bif } from './erlang-args.js';

const KINDS = new Set(['atomics', 'write_concurrency']);

function create(p: never, size: Term, opts: Term): Term {
  const o = listToArray(opts);
  if (o === undefined || o.length > 1 || (o.length === 1 && !KINDS.has(o[0] as string))) return badarg();
  const kind = o.length === 0 ? 'atomics' : (o[0] as string);
  return [kind, atomicsNew(p, size, true)];
}

/** The reference inside a counters term. */
function refOf(c: Term): Term {
  return Array.isArray(c) && c.length === 2 && KINDS.has(c[0] as string) ? c[1]! : badarg();
}

/** counters.erl negates first: a float gets through (and fails in add), anything else is badarith. */
function negate(t: Term): Term {
  if (typeof t === 'number') return t === 0 ? 0 : -t;
  if (typeof t === 'bigint') return normInt(-t);
  return t instanceof ErlFloat ? badarg() : badarith();
}

export const countersBifs: Map<string, Bif> = bifTable([
  ['new/2', (p, size, opts) => create(p as never, size, opts)],
  ['get/2', (_p, c, ix) => atomicsGet(refOf(c), ix)],
  ['add/3', (_p, c, ix, v) => (atomicsAddGet(refOf(c), ix, v), 'ok')],
  ['sub/3', (_p, c, ix, v) => {
    const incr = negate(v);
    return atomicsAddGet(refOf(c), ix, incr), 'ok';
  }],
  ['put/3', (_p, c, ix, v) => atomicsPut(refOf(c), ix, v)],
  ['info/1', (_p, c) => atomicsInfo(refOf(c))],
]);
