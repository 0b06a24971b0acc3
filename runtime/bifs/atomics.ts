/**
 * The `atomics` module: arrays of 64-bit integers behind a reference.
 *
 * atomics.erl's new/2 encodes its options and calls
 * erts_internal:atomics_new/2; beamjs overlays new/2 itself (the
 * erts_internal table belongs to another module's BIFs), and the other
 * functions where atomics.erl has its `nif_error` stubs (sub/sub_get stay
 * Erlang: they call add/add_get with the negated amount).
 *
 * The array hangs off the very `Ref` object new/2 returns (a WeakMap, so it
 * is collected with its last reference, as on BEAM). One JS thread means
 * every operation is atomic by construction. Values wrap around at 64 bits:
 * stored values must fit the array's signedness, increments may be anything
 * in [-2^63, 2^64 - 1] (erts reads them as either), as erl does.
 *
 * Difference from BEAM: a reference that went through term_to_binary and
 * back is a new `Ref` object, no longer an atomics reference (`badarg`).
 */
import { mapFromEntries } from '../terms/map.js';
import { Ref, normInt, type Int, type Term } from '../terms/types.js';
import { badarg, bifTable, properList, type Bif } from './erlang-args.js';

export interface AtomicsArray {
  readonly signed: boolean;
  readonly data: BigInt64Array | BigUint64Array;
}

const arrays = new WeakMap<Ref, AtomicsArray>();

/** Arrays beyond this many elements are `system_limit` rather than a JS allocation failure. */
const MAX_ARITY = 2 ** 27;

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

let fallbackRefs = 0;

/** A fresh reference from the caller's runtime (tests may pass a bare process). */
function newRef(p: { rt?: { refs?: { make(): Ref } } }): Ref {
  return p.rt?.refs?.make() ?? new Ref([++fallbackRefs, 0, 0]);
}

/** Create an array of `arity` zeros behind a new reference. */
export function atomicsNew(p: { rt?: { refs?: { make(): Ref } } }, arity: Term, signed: boolean): Ref {
  if (typeof arity !== 'number' || !Number.isInteger(arity) || arity < 1) return badarg();
  if (arity > MAX_ARITY) throw new RangeError('atomics array too large');
  const ref = newRef(p);
  arrays.set(ref, { signed, data: signed ? new BigInt64Array(arity) : new BigUint64Array(arity) });
  return ref;
}

/** new/2's options: `{signed, Bool}` pairs, the last one winning; anything else is `badarg`. */
function signedOpt(opts: Term): boolean {
  let signed = true;
  for (const o of properList(opts)) {
    if (!Array.isArray(o) || o.length !== 2 || o[0] !== 'signed' || (o[1] !== 'true' && o[1] !== 'false')) return badarg();
    signed = o[1] === 'true';
  }
  return signed;
}

export function arrayOf(ref: Term): AtomicsArray {
  return (ref instanceof Ref ? arrays.get(ref) : undefined) ?? badarg();
}

/** A 1-based index into the array, as a 0-based one. */
function index(a: AtomicsArray, ix: Term): number {
  if (typeof ix !== 'number' || !Number.isInteger(ix) || ix < 1 || ix > a.data.length) return badarg();
  return ix - 1;
}

const big = (t: Term): bigint | undefined =>
  typeof t === 'bigint' ? t : typeof t === 'number' && Number.isInteger(t) ? BigInt(t) : undefined;

/** A value to store: within the array's range. */
function value(a: AtomicsArray, t: Term): bigint {
  const v = big(t);
  if (v === undefined) return badarg();
  if (a.signed ? v < I64_MIN || v > I64_MAX : v < 0n || v > U64_MAX) return badarg();
  return v;
}

/** An increment: any 64-bit pattern, given signed or unsigned. */
function increment(t: Term): bigint {
  const v = big(t);
  if (v === undefined || v < I64_MIN || v > U64_MAX) return badarg();
  return v;
}

const wrap = (a: AtomicsArray, v: bigint): bigint => (a.signed ? BigInt.asIntN(64, v) : BigInt.asUintN(64, v));

export function atomicsGet(ref: Term, ix: Term): Int {
  const a = arrayOf(ref);
  return normInt(a.data[index(a, ix)]!);
}

export function atomicsPut(ref: Term, ix: Term, v: Term): Term {
  const a = arrayOf(ref);
  const i = index(a, ix);
  a.data[i] = value(a, v);
  return 'ok';
}

export function atomicsAddGet(ref: Term, ix: Term, incr: Term): Int {
  const a = arrayOf(ref);
  const i = index(a, ix);
  const v = wrap(a, a.data[i]! + increment(incr));
  a.data[i] = v;
  return normInt(v);
}

function exchange(ref: Term, ix: Term, desired: Term): Int {
  const a = arrayOf(ref);
  const i = index(a, ix);
  const v = value(a, desired);
  const old = a.data[i]!;
  a.data[i] = v;
  return normInt(old);
}

/** `ok` when the element was `expected` (and is now `desired`), else its value. */
function compareExchange(ref: Term, ix: Term, expected: Term, desired: Term): Term {
  const a = arrayOf(ref);
  const i = index(a, ix);
  const e = value(a, expected);
  const d = value(a, desired);
  const cur = a.data[i]!;
  if (cur !== e) return normInt(cur);
  a.data[i] = d;
  return 'ok';
}

export function atomicsInfo(ref: Term): Term {
  const a = arrayOf(ref);
  // erts: a 40-byte header and 8 bytes per element.
  return mapFromEntries([
    ['size', a.data.length],
    ['max', normInt(a.signed ? I64_MAX : U64_MAX)],
    ['min', normInt(a.signed ? I64_MIN : 0n)],
    ['memory', 40 + 8 * a.data.length],
  ]);
}

export const atomicsBifs: Map<string, Bif> = bifTable([
  ['new/2', (p, arity, opts) => atomicsNew(p, arity, signedOpt(opts))],
  ['get/2', (_p, r, ix) => atomicsGet(r, ix)],
  ['put/3', (_p, r, ix, v) => atomicsPut(r, ix, v)],
  ['add/3', (_p, r, ix, v) => (atomicsAddGet(r, ix, v), 'ok')],
  ['add_get/3', (_p, r, ix, v) => atomicsAddGet(r, ix, v)],
  ['exchange/3', (_p, r, ix, v) => exchange(r, ix, v)],
  ['compare_exchange/4', (_p, r, ix, e, d) => compareExchange(r, ix, e, d)],
  ['info/1', (_p, r) => atomicsInfo(r)],
]);
