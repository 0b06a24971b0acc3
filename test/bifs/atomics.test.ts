/**
 * atomics and counters against erl: one sequence of operations on a signed
 * array, an unsigned one and both kinds of counters runs on both sides; the
 * results (values, `ok`, errors) must print the same. Covers 64-bit
 * wrap-around both ways, the value and increment ranges, bad indexes and
 * bad references.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomicsBifs } from '../../runtime/bifs/atomics.js';
import { countersBifs } from '../../runtime/bifs/counters.js';
import { ErlangError } from '../../runtime/process/protocol.js';
import { formatW } from '../../runtime/terms/print.js';
import { ErlFloat, Ref, list, type Term } from '../../runtime/terms/types.js';
import { toErlSource } from '../support/erl-source.js';
import { erlOutcomes } from './harness.js';

const M = 2n ** 63n;
/** A placeholder for one of the arrays made at the start of the sequence. */
class Var {
  constructor(readonly name: 'A' | 'U' | 'C' | 'W') {}
}
type Arg = Term | Var;
type Op = [mod: 'atomics' | 'counters', fn: string, args: Arg[]];

const A = new Var('A');
const U = new Var('U');
const C = new Var('C');
const W = new Var('W');

const OPS: Op[] = [
  ['atomics', 'info', [A]], ['atomics', 'info', [U]],
  ['atomics', 'get', [A, 0]], ['atomics', 'get', [A, 4]], ['atomics', 'get', [A, 1]], ['atomics', 'get', [A, 'a']],
  ['atomics', 'get', [A, 2n ** 64n]], ['atomics', 'get', ['a', 1]], ['atomics', 'info', ['a']],
  ['atomics', 'put', [A, 1, M - 1n]], ['atomics', 'add', [A, 1, 1]], ['atomics', 'get', [A, 1]],
  ['atomics', 'put', [A, 1, M]], ['atomics', 'put', [A, 1, -M - 1n]], ['atomics', 'put', [A, 1, new ErlFloat(1)]],
  ['atomics', 'add', [A, 2, 2n * M - 1n]], ['atomics', 'get', [A, 2]], ['atomics', 'add', [A, 2, 2n * M]],
  ['atomics', 'add', [A, 2, -M]], ['atomics', 'get', [A, 2]], ['atomics', 'add', [A, 2, -M - 1n]],
  ['atomics', 'add_get', [A, 3, 5]], ['atomics', 'sub_get', [A, 3, 7]], ['atomics', 'sub', [A, 3, -M]],
  ['atomics', 'get', [A, 3]], ['atomics', 'sub', [A, 1, 'a']], ['atomics', 'exchange', [A, 3, 42]],
  ['atomics', 'compare_exchange', [A, 3, 41, 1]], ['atomics', 'compare_exchange', [A, 3, 42, 1]],
  ['atomics', 'compare_exchange', [A, 3, 2n * M - 1n, 1]], ['atomics', 'exchange', [A, 3, 2n * M]],
  ['atomics', 'get', [A, 3]],
  ['atomics', 'put', [U, 1, -1]], ['atomics', 'put', [U, 1, 2n * M - 1n]], ['atomics', 'get', [U, 1]],
  ['atomics', 'add', [U, 1, 1]], ['atomics', 'get', [U, 1]], ['atomics', 'sub_get', [U, 1, 1]],
  ['atomics', 'put', [U, 1, 2n * M]], ['atomics', 'add_get', [U, 2, -1]], ['atomics', 'add_get', [U, 2, -M - 1n]],
  ['atomics', 'compare_exchange', [U, 2, -1, 5]], ['atomics', 'exchange', [U, 2, M]], ['atomics', 'get', [U, 2]],
  ['atomics', 'new', [0, list([])]], ['atomics', 'new', [-1, list([])]], ['atomics', 'new', ['a', list([])]],
  ['atomics', 'new', [1, list(['bad'])]], ['atomics', 'new', [1, 'bad']],
  ['counters', 'info', [C]], ['counters', 'get', [C, 1]], ['counters', 'add', [C, 1, 10]], ['counters', 'sub', [C, 1, 3]],
  ['counters', 'get', [C, 1]], ['counters', 'put', [C, 2, -5]], ['counters', 'get', [C, 2]],
  ['counters', 'sub', [C, 2, 'a']], ['counters', 'sub', [C, 2, new ErlFloat(1)]], ['counters', 'add', [C, 2, 'a']],
  ['counters', 'put', [C, 1, M]], ['counters', 'add', [C, 1, M - 1n]], ['counters', 'add', [C, 1, M - 1n]],
  ['counters', 'get', [C, 1]], ['counters', 'get', [C, 3]], ['counters', 'get', [['atomics', 'x'], 1]],
  ['counters', 'get', ['x', 1]], ['counters', 'new', [2, list(['bogus'])]], ['counters', 'new', [0, list([])]],
  ['counters', 'new', [2, list(['atomics', 'atomics'])]],
  ['counters', 'get', [W, 1]], ['counters', 'add', [W, 1, 7]], ['counters', 'sub', [W, 1, 10]], ['counters', 'get', [W, 1]],
  ['counters', 'put', [W, 1, 99]], ['counters', 'get', [W, 1]], ['counters', 'get', [W, 2]],
];

const source = (a: Arg): string => (a instanceof Var ? a.name : toErlSource(a));

/** Erlang text for an op; arrays made by `new` are replaced by `ok` when they succeed. */
function erlCall([m, f, args]: Op): string {
  const call = `${m}:${f}(${args.map(source).join(', ')})`;
  return f === 'new' ? `case ${call} of _ -> made end` : call;
}

/** atomics:sub/3 and sub_get/3 are Erlang: add/add_get of the negated amount. */
function atomicsSub(f: string, r: Term, ix: Term, d: Term): Term {
  if (typeof d !== 'number' && typeof d !== 'bigint') throw new ErlangError('error', 'badarith');
  return atomicsBifs.get(f === 'sub' ? 'add/3' : 'add_get/3')!({}, r, ix, typeof d === 'number' ? -d : -d);
}

function ours(vars: Map<string, Term>, [m, f, args]: Op): string {
  const table = m === 'atomics' ? atomicsBifs : countersBifs;
  const p = { rt: undefined };
  try {
    const as = args.map((a) => (a instanceof Var ? vars.get(a.name)! : a));
    const r = m === 'atomics' && f.startsWith('sub')
      ? atomicsSub(f, as[0]!, as[1]!, as[2]!)
      : table.get(`${f}/${args.length}`)!(p, ...as);
    return formatW(['ok', f === 'new' ? 'made' : r]);
  } catch (e) {
    if (e instanceof ErlangError) return formatW([e.cls, e.reason]);
    throw e;
  }
}

describe('atomics and counters against erl', () => {
  it(`a sequence of ${OPS.length} operations`, async () => {
    const setup =
      'A = atomics:new(3, []), U = atomics:new(2, [{signed, false}]), ' +
      'C = counters:new(3, []), W = counters:new(2, [write_concurrency])';
    // erlOutcomes evaluates each call in its own fun: build the arrays once, in one list expression.
    const erlText = await erlOutcomes([
      `begin ${setup}, Try = fun(F) -> try {ok, F()} catch Cl:Re -> {Cl, Re} end end, ` +
        `[${OPS.map((op) => `Try(fun() -> ${erlCall(op)} end)`).join(', ')}] end`,
    ]);
    const vars = new Map<string, Term>([
      ['A', atomicsBifs.get('new/2')!({}, 3, list([]))],
      ['U', atomicsBifs.get('new/2')!({}, 2, list([['signed', 'false']]))],
      ['C', countersBifs.get('new/2')!({}, 3, list([]))],
      ['W', countersBifs.get('new/2')!({}, 2, list(['write_concurrency']))],
    ]);
    const got = `{ok,[${OPS.map((op) => ours(vars, op)).join(',')}]}`;
    // Compare op by op for a readable failure.
    const wantList = erlText[0]!.slice(5, -2).split(/,(?=\{(?:ok|error)\b)/);
    const gotList = got.slice(5, -2).split(/,(?=\{(?:ok|error)\b)/);
    const bad = OPS.map((op, i) => [erlCall(op), gotList[i], wantList[i]]).filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
    expect(got).toBe(erlText[0]);
  });

  it('new/2 returns a reference; each array is its own', () => {
    const a = atomicsBifs.get('new/2')!({}, 1, list([]));
    const b = atomicsBifs.get('new/2')!({}, 1, list([]));
    expect(a).toBeInstanceOf(Ref);
    atomicsBifs.get('put/3')!({}, a, 1, 5);
    expect(atomicsBifs.get('get/2')!({}, b, 1)).toBe(0);
    expect(atomicsBifs.get('get/2')!({}, a, 1)).toBe(5);
    expect(() => atomicsBifs.get('get/2')!({}, new Ref([1, 2, 3]), 1)).toThrow(ErlangError);
  });
});

describe('atomics against a BigInt model', () => {
  it('random add/sub/put/exchange/compare_exchange sequences wrap at 64 bits', () => {
    const op = fc.oneof(
      fc.record({ f: fc.constant('add_get'), v: fc.bigInt(-(2n ** 63n), 2n ** 64n - 1n) }),
      fc.record({ f: fc.constant('put'), v: fc.bigInt(-(2n ** 63n), 2n ** 64n - 1n) }),
      fc.record({ f: fc.constant('exchange'), v: fc.bigInt(-(2n ** 63n), 2n ** 64n - 1n) }),
      fc.record({ f: fc.constant('compare_exchange'), v: fc.bigInt(-(2n ** 63n), 2n ** 64n - 1n) }),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(op, { maxLength: 30 }), (signed, ops) => {
        const a = atomicsBifs.get('new/2')!({}, 1, list([['signed', signed ? 'true' : 'false']]));
        const wrap = (x: bigint): bigint => (signed ? BigInt.asIntN(64, x) : BigInt.asUintN(64, x));
        const fits = (x: bigint): boolean => (signed ? x === BigInt.asIntN(64, x) : x === BigInt.asUintN(64, x));
        const norm = (x: bigint): Term => (x >= -(2n ** 53n) + 1n && x <= 2n ** 53n - 1n ? Number(x) : x);
        let model = 0n;
        for (const { f, v } of ops) {
          const val = norm(v);
          const call = (): Term => atomicsBifs.get(f === 'compare_exchange' ? 'compare_exchange/4' : `${f}/3`)!(
            {}, a, 1, ...(f === 'compare_exchange' ? [norm(model), val] : [val]));
          if (f === 'add_get') {
            model = wrap(model + v);
            expect(call()).toEqual(norm(model));
          } else if (!fits(v)) {
            expect(call).toThrow(ErlangError);
          } else if (f === 'put') {
            call();
            model = v;
          } else {
            const old = model;
            const r = call();
            expect(r).toEqual(f === 'exchange' ? norm(old) : 'ok');
            model = v;
          }
          expect(atomicsBifs.get('get/2')!({}, a, 1)).toEqual(norm(model));
        }
      }),
      { numRuns: 200 },
    );
  });
});
