%% ets:match_spec_compile/1, is_compiled_ms/1, match_spec_run/2 over plain lists.
-module(ets_match_spec_run).
-export([main/0]).

main() ->
    MS = ets:match_spec_compile([{{'$1', '$2'}, [{is_integer, '$1'}], [{{'$2', '$1'}}]}, {'$1', [{is_atom, '$1'}], [atom]}]),
    L = [{1, a}, {b, 2}, x, {3, {4}}, [1], {5.0, z}],
    R = [ets:match_spec_run(L, MS), ets:is_compiled_ms(MS), ets:is_compiled_ms(make_ref()), ets:is_compiled_ms(x),
         ets:match_spec_run([], MS),
         ets:match_spec_run(L, ets:match_spec_compile([{'_', [], [{size, '$_'}]}])),
         ets:match_spec_run([1, 2, 3, -4], ets:match_spec_compile([{'$1', [{'>', {abs, '$1'}, 1}], [{'*', '$1', '$1'}]}])),
         ets:match_spec_run([<<1,2,3>>, <<>>], ets:match_spec_compile([{'$1', [], [{byte_size, '$1'}, {bit_size, '$1'}]}])),
         ets:match_spec_run([#{a => 1}, #{b => 2}], ets:match_spec_compile([{'$1', [{is_map_key, a, '$1'}], [{map_get, a, '$1'}]}, {'$1', [], [{map_size, '$1'}]}])),
         ets:match_spec_run([#{a => 1, b => 2}, #{a => 3}], ets:match_spec_compile([{#{a => '$1'}, [], ['$1']}])),
         ets:match_spec_run([{1, 2}, {2, 1}], ets:match_spec_compile([{{'$1', '$2'}, [{'andalso', {'<', '$1', '$2'}, true}], [{{'$2'}}]}])),
         ets:match_spec_run([10, 7], ets:match_spec_compile([{'$1', [], [{'bsl', '$1', 2}, {'bsr', '$1', 1}, {'bxor', '$1', 3}, {'bnot', '$1'}, {'div', '$1', 3}, {'rem', '$1', 3}, {'/', '$1', 4}]}])),
         ets:match_spec_run([2.5, -2.5], ets:match_spec_compile([{'$1', [], [[{round, '$1'}, {trunc, '$1'}, {float, 1}, {'-', '$1'}]]}])),
         ets:match_spec_run([{r, 1}, {r, 1, 2}, {s, 1}], ets:match_spec_compile([{'$1', [{is_record, '$1', r, 2}], [rec]}, {'_', [], [no]}])),
         ets:match_spec_run([[a, b], [c]], ets:match_spec_compile([{'$1', [], [{length, '$1'}, {tl, '$1'}]}])),
         ets:match_spec_run([<<"abcdef">>], ets:match_spec_compile([{'$1', [], [{binary_part, '$1', 1, 2}]}])),
         ets:match_spec_run([a], ets:match_spec_compile([{'$1', [], [{node}]}])),
         ets:match_spec_run([1, x], ets:match_spec_compile([{'$1', [{is_integer, '$1'}, {'>', '$1', 0}], ['$1']}]))],
    R.
