/**
 * ETS against BEAM: seeded random sequences of operations on each table type
 * run through test/bifs/ets_driver.erl on erl and on beamjs; the `~w` texts
 * of the results must be identical, including the order of hash tables
 * (beamjs lays set/bag/duplicate_bag out as BEAM's erl_db_hash.c does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatW } from '../../runtime/terms/print.js';
import { ErlFloat, NIL, list, type Term } from '../../runtime/terms/types.js';
import { beamjsSide, compileDriver, erlRuns, type Side } from './ets-driver.js';
import { prng } from '../support/prng.js';


const L = (...xs: Term[]): Term => list(xs);
const f = (x: number): Term => new ErlFloat(x);

/**
 * Keys. No atoms inside compound keys: BEAM hashes those by the atom's index
 * in its atom table, which depends on the order atoms were created in erl.
 */
const KEYS: Term[] = [0, 1, 2, 3, 4, 5, f(1), f(2), 'a', 'b', 'ok', [10, 1], L(120), -7, 2n ** 70n, f(-0.5)];
const VALS: Term[] = [0, 1, 2, 10, -3, 'x', 'y', f(2.5), ['t', 1], L(1, 2)];

/** Match specs: plain, with guards, with bodies that fail, and malformed ones. */
const SPECS: Term[] = [
  L([['$1', '$2'], NIL, L('$_')]),
  L([['$1', '$2'], L(['is_integer', '$2']), L('$1')]),
  L([['$1', '$2'], L(['>', '$2', 1]), L([['$2', '$1']])]),
  L([['$1', '_'], L(['==', '$1', 1]), L('$$')]),
  L([['$1', '$2'], NIL, L(['+', '$2', 1])]),
  L([['$1', '$1'], NIL, L('true')]),
  L([['_', '$2'], L(['orelse', ['is_atom', '$2'], ['>=', '$2', 2]]), L('true')]),
  L([['$1', '$2'], L(['andalso', ['is_integer', '$1'], ['<', '$1', 3]]), L('true')]),
  L([[2, '$2'], NIL, L('$2')]),
  L([[f(2), '_'], NIL, L('$_')]),
  L([['a', '_'], NIL, L('true')], [['$1', '_'], L(['is_tuple', '$1']), L('true')]),
  L([['$1', '$2'], L(['hd', '$2']), L('$1')]),
  L([['$1', '$2'], L(['is_list', '$2']), L(['hd', '$2'])]),
  L([['$1', '$2', '$3'], NIL, L('$3')]),
  L([['$1', '$2'], L(['and', ['is_number', '$2'], ['not', ['is_float', '$2']]]), L([['$1', ['abs', '$2']]])]),
  L([['$1', '$2'], NIL, L(['element', 1, '$_'])]),
  L([['$1', '$2'], NIL, L(['const', '$2'])]),
  L([['$1', '$2'], NIL, L()]), // malformed: empty body
  L([['$1', '$2'], NIL, L('$3')]), // malformed: unbound variable
  'not_a_spec',
];

const REPLACE_SPECS: Term[] = [
  L([['$1', '$2'], L(['is_integer', '$2']), L([['$1', ['+', '$2', 100]]])]),
  L([['$1', '_'], NIL, L('$_')]),
  L([['$1', '$2'], NIL, L([['$2', '$1']])]), // changes the key: badarg
  L([['$1', '$2'], L(['is_atom', '$2']), L(['const', ['a', 'z']])]),
];

const PATTERNS: Term[] = [['$1', '$2'], ['_', '$1'], [1, '$1'], ['$1', '$1'], '_', ['$1', ['t', '$2']], ['$1']];

function genOp(r: () => number): Term {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const key = () => pick(KEYS);
  const obj = (): Term => (r() < 0.1 ? [key(), pick(VALS), pick(VALS)] : [key(), pick(VALS)]);
  const n = r();
  if (n < 0.25) return ['insert', r() < 0.5 ? obj() : L(obj(), obj(), obj())];
  if (n < 0.3) return ['insert_new', r() < 0.5 ? obj() : L(obj(), obj())];
  if (n < 0.36) return ['lookup', key()];
  if (n < 0.39) return ['lookup_element', key(), pick([1, 2, 3])];
  if (n < 0.41) return ['member', key()];
  if (n < 0.43) return ['take', key()];
  if (n < 0.46) return ['delete', key()];
  if (n < 0.48) return ['delete_object', obj()];
  if (n < 0.53) {
    const op = pick<Term>([1, -1, [2, 5], [2, 3, 4, 0], [2, -3, -1, 7], L([2, 1], [2, 1]), [1, 1], [3, 1], 'x']);
    return r() < 0.5 ? ['update_counter', key(), op] : ['update_counter', key(), op, [key(), 0]];
  }
  if (n < 0.56) return ['update_element', key(), pick<Term>([[2, 'u'], L([2, 'v']), [1, 'w'], [5, 'x']])];
  if (n < 0.64) return ['select', pick(SPECS)];
  if (n < 0.66) return ['select_reverse', pick(SPECS)];
  if (n < 0.7) return ['select_chunks', pick(SPECS), pick([1, 2, 3, 100])];
  if (n < 0.71) return ['select_reverse_chunks', pick(SPECS), pick([1, 2, 5])];
  if (n < 0.73) return ['select_count', pick(SPECS)];
  if (n < 0.75) return ['select_delete', pick(SPECS)];
  if (n < 0.77) return ['select_replace', pick(REPLACE_SPECS)];
  if (n < 0.81) return ['match', pick(PATTERNS)];
  if (n < 0.84) return ['match_object', pick(PATTERNS)];
  if (n < 0.85) return ['match_chunks', pick(PATTERNS), 2];
  if (n < 0.86) return ['match_delete', pick(PATTERNS)];
  if (n < 0.88) return 'tab2list';
  if (n < 0.9) return pick<Term>(['walk', 'walk_back', 'foldl']);
  if (n < 0.92) return [pick(['next', 'prev']), key()];
  if (n < 0.93) return 'delete_all_objects';
  if (n < 0.95) return 'fun2ms';
  if (n < 0.97) return ['ms_run', L(obj(), obj(), obj()), pick(SPECS)];
  if (n < 0.98) return ['test_ms', obj(), pick(SPECS)];
  if (n < 0.99) return ['slot', pick([0, 1, 2, 100, 255, 256, 257, -1])];
  return 'size';
}

const TYPES: Term[] = [
  'set', 'ordered_set', 'bag', 'duplicate_bag',
  // write_concurrency: BEAM walks hash tables in lock-stripe order
  ['set', L(['write_concurrency', 'true'])], ['bag', L(['write_concurrency', 'true'], ['keypos', 1])],
];
const RUNS = 16;
const OPS = 45;

let js: Side;
beforeAll(async () => {
  compileDriver();
  js = await beamjsSide();
});
afterAll(() => js?.close());

const name = (t: Term): string => formatW(t);

describe.each(TYPES.map((t) => [name(t), t] as const))('%s', (_n, type) => {
  it(`${RUNS} random sequences of ${OPS} operations agree with BEAM`, async () => {
    const r = prng(0x5eed + name(type).length * 7919);
    const runs: [Term, Term[]][] = [];
    for (let i = 0; i < RUNS; i++) runs.push([type, Array.from({ length: OPS }, () => genOp(r))]);
    const want = await erlRuns(runs);
    const bad: string[] = [];
    for (let i = 0; i < runs.length; i++) {
      const got = await js.run(type, runs[i]![1]);
      if (got !== want[i]) bad.push(firstDifference(runs[i]![1], got, want[i]!));
    }
    expect(bad).toEqual([]);
  });
});

describe.each(TYPES.map((t) => [name(t), t] as const))('%s with many objects', (_n, type) => {
  it('iteration order, chunks and slots agree with BEAM while the table grows and shrinks', async () => {
    const runs: [Term, Term[]][] = [[type, [['bulk', 300], ['bulk', 1500], ['bulk', 4000], ['bulk', 12000]]]];
    const [want] = await erlRuns(runs);
    const got = await js.run(type, runs[0]![1]);
    expect(got === want ? 'same' : firstDifference(runs[0]![1], got, want!)).toBe('same');
  });
});

/** The top-level elements of a printed list. */
function elements(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    if ((c === ',' && depth === 1) || depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out;
}

/** The first differing result, with the operation that produced it. */
function firstDifference(ops: Term[], got: string, want: string): string {
  const g = elements(got);
  const w = elements(want);
  const i = g.findIndex((x, j) => x !== w[j]);
  const a = g[i] ?? '';
  const b = w[i] ?? '';
  let c = 0;
  while (c < a.length && a[c] === b[c]) c++;
  const from = Math.max(0, c - 150);
  return `op ${i} ${formatW(ops[i] ?? 'none')}, char ${c}:\n  beamjs ${a.slice(from, c + 150)}\n  erl    ${b.slice(from, c + 150)}`;
}
