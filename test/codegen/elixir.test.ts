/**
 * Elixir's standard library: Debian's Elixir 1.14 beams were compiled by
 * OTP 24, so they use the older instruction forms (bs_put_*, bs_init2,
 * bs_append...). Compiled by beamjs on first call, run against BEAM.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { both, compileErl, elixirLib, type Compiled } from './harness.js';

const source = `-module(cg_elixir).
-export([t_sum/0, t_map/0, t_upcase/0, t_join/0, t_to_string/0, t_sort/0, t_merge/0, t_split/0,
         t_inspect/0, t_reduce/0, t_keyword/0, t_range/0]).
t_sum() -> 'Elixir.Enum':sum([1, 2, 3]).
t_map() -> 'Elixir.Enum':map([1, 2, 3], fun(X) -> X * 2 end).
t_upcase() -> 'Elixir.String':upcase(<<"h\\x{e9}llo"/utf8>>).
t_join() -> 'Elixir.Enum':join([<<"a">>, <<"b">>], <<",">>).
t_to_string() -> 'Elixir.Integer':to_string(255, 16).
t_sort() -> 'Elixir.Enum':sort([3, 1, 2]).
t_merge() -> 'Elixir.Map':merge(#{a => 1}, #{b => 2}).
t_split() -> 'Elixir.String':split(<<"a b  c">>).
t_inspect() -> 'Elixir.Kernel':inspect({a, [1, 2], <<"x">>}).
t_reduce() -> 'Elixir.Enum':reduce(lists:seq(1, 100), 0, fun(X, Acc) -> X + Acc end).
t_keyword() -> 'Elixir.Keyword':get([{a, 1}, {b, 2}], b).
t_range() -> 'Elixir.Enum':to_list('Elixir.Range':new(1, 5)).
`;

const PENDING: Record<string, string> = {};

describe.skipIf(!existsSync(elixirLib))('Elixir 1.14 (OTP 24 beams) on beamjs agrees with BEAM', () => {
  let c: Compiled;
  beforeAll(async () => {
    c = await compileErl(source);
  });
  for (const t of [...source.matchAll(/^(t_[a-z_]+)\(\) ->/gm)].map((m) => m[1]!)) {
    const pending = PENDING[t];
    (pending === undefined ? it : it.fails)(pending === undefined ? t : `${t} (pending: ${pending})`, async () => {
      const [ours, theirs] = await both(c, t);
      expect(ours).toBe(theirs);
    }, 120_000);
  }
});
