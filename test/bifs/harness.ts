/**
 * Differential tables for BIFs: every row of arguments is evaluated by our
 * BIF and by erl (one request per table), and the two outcomes must print
 * the same with `~w`: `{ok, Result}` or `{Class, Reason}`.
 *
 *   const bad = await compareTable('erlang', 'atom_to_list', erlangBifs, rows);
 *   expect(bad).toEqual([]);
 *
 * erl evaluates `apply(M, F, [Args...])` with the arguments written by `toErlSource`,
 * inside `try ... catch C:R -> {C, R} end`. A row may instead give its own
 * Erlang call text (`{ erl: 'erlang:element(1, {a})', args: [...] }`) when
 * the arguments cannot be literals. `post` maps both results before printing
 * (e.g. to a size, when the result itself is huge).
 */
import { ErlangError } from '../../runtime/process/protocol.js';
import { binaryToTerm } from '../../runtime/terms/etf.js';
import { formatW } from '../../runtime/terms/print.js';
import { BitString, Cons, type Term } from '../../runtime/terms/types.js';
import type { Bif } from '../../runtime/bifs/erlang-args.js';
import { erl } from '../support/erl.js';
import { atomSource, toErlSource } from '../support/erl-source.js';

export type Row = Term[] | { args: Term[]; erl: string };

export interface Post {
  /** An Erlang fun expression applied to the result on erl's side. */
  erl: string;
  /** The same function on ours. */
  js: (t: Term) => Term;
}

/** A process stand-in for BIFs that look at their caller. */
export const fakeProcess = (): { reds: number } => ({ reds: 4000 });

/** Our outcome of one call, printed like erl prints its own. */
export function outcome(bif: Bif, args: Term[], post?: Post, p: unknown = fakeProcess()): string {
  try {
    const r = bif(p, ...args);
    return formatW(['ok', post ? post.js(r) : r]);
  } catch (e) {
    if (e instanceof ErlangError) return formatW([e.cls, e.reason]);
    throw e;
  }
}

/** The call as Erlang text; through apply/3, which erl_eval does not special-case. */
const callText = (mod: string, fn: string, row: Row): string =>
  Array.isArray(row)
    ? `erlang:apply(${atomSource(mod)}, ${atomSource(fn)}, [${row.map(toErlSource).join(', ')}])`
    : row.erl;

/** erl's outcomes for many call texts, in one request. */
export async function erlOutcomes(calls: string[], post?: Post): Promise<string[]> {
  if (calls.length === 0) return [];
  const postText = post ? post.erl : 'fun(X__) -> X__ end';
  const src =
    `P__ = ${postText}, ` +
    `T__ = fun(G__) -> try {ok, P__(G__())} catch C__:R__ -> {C__, R__} end end, ` +
    `W__ = fun(X__) -> unicode:characters_to_binary(io_lib:format("~w", [X__])) end, ` +
    `[${calls.map((c) => `W__(T__(fun() -> ${c} end))`).join(',\n')}]`;
  const res = binaryToTerm(await erl.eval(src));
  const out: string[] = [];
  const dec = new TextDecoder();
  for (let l: Term = res; l instanceof Cons; l = l.tl) out.push(dec.decode((l.hd as BitString).bytes));
  return out;
}

/**
 * Compare a table of calls of `mod:fn` with erl. Returns one line per
 * mismatch (empty when all agree).
 */
export async function compareTable(
  mod: string,
  fn: string,
  table: Map<string, Bif>,
  rows: Row[],
  post?: Post,
): Promise<string[]> {
  const arity = Array.isArray(rows[0]) ? rows[0].length : rows[0]!.args.length;
  const bif = table.get(`${fn}/${arity}`);
  if (bif === undefined) return [`no BIF ${mod}:${fn}/${arity}`];
  const want = await erlOutcomes(rows.map((r) => callText(mod, fn, r)), post);
  const bad: string[] = [];
  rows.forEach((row, i) => {
    const args = Array.isArray(row) ? row : row.args;
    const got = outcome(bif, args, post);
    if (got !== want[i]) bad.push(`${callText(mod, fn, row).slice(0, 200)}: got ${got.slice(0, 200)}, erl ${want[i]!.slice(0, 200)}`);
  });
  return bad;
}

/** All pairs of a list of values. */
export const pairs = (xs: Term[], ys: Term[] = xs): Term[][] => xs.flatMap((x) => ys.map((y) => [x, y]));
