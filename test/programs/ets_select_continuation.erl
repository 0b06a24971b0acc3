%% select/3, match/3, match_object/3, select_reverse/3 with continuations until '$end_of_table'.
-module(ets_select_continuation).
-export([main/0]).

main() ->
    O = ets:new(o, [ordered_set]),
    S = ets:new(s, [set]),
    [ets:insert(T, {I, I * I}) || T <- [O, S], I <- lists:seq(1, 20)],
    MS = [{{'$1', '$2'}, [{'>', '$2', 10}], ['$1']}],
    R = [collect(ets:select(O, MS, 4)),
         lists:sort(lists:append(collect(ets:select(S, MS, 4)))),
         collect(ets:select_reverse(O, MS, 5)),
         collect(ets:match(O, {'$1', '$2'}, 7)),
         collect(ets:match_object(O, {'_', 16}, 3)),
         ets:select(O, [{{'$1', '_'}, [{'>', '$1', 100}], ['$1']}], 3),
         ets:select(S, [{{'$1', '_'}, [{'>', '$1', 100}], ['$1']}], 3),
         ets:select('$end_of_table'),
         ets:select(O, MS, 100),
         chunk_sizes(ets:select(S, MS, 4))],
    Bad = [catch_it(fun() -> ets:select(O, MS, 0) end), catch_it(fun() -> ets:select(O, MS, x) end),
           catch_it(fun() -> ets:select(O, bad_ms, 1) end), catch_it(fun() -> ets:select(nonsense) end)],
    {_, Cont} = ets:select(O, MS, 2),
    Repaired = ets:repair_continuation(Cont, MS) =:= Cont,
    ets:delete(O), ets:delete(S),
    {R, Bad, Repaired}.

collect('$end_of_table') -> [];
collect({L, C}) -> [L | collect(ets:select(C))].

chunk_sizes('$end_of_table') -> [];
chunk_sizes({L, C}) -> [length(L) | chunk_sizes(ets:select(C))].

catch_it(F) -> try F() catch C:R -> {C, R} end.
