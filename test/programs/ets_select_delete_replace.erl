%% select_delete/2, select_replace/2, match_delete/2, select_count/2 on every table type.
-module(ets_select_delete_replace).
-export([main/0]).

main() ->
    [run(Type) || Type <- [set, ordered_set, bag, duplicate_bag]].

run(Type) ->
    T = ets:new(t, [Type]),
    ets:insert(T, [{I, I rem 3, v} || I <- lists:seq(1, 12)]),
    ets:insert(T, {1, extra, v}),
    C = ets:select_count(T, [{{'_', '$1', '_'}, [{'==', '$1', 0}], [true]}]),
    D = ets:select_delete(T, [{{'$1', '_', '_'}, [{'<', '$1', 4}], [true]}]),
    Rep = catch_it(fun() -> ets:select_replace(T, [{{'$1', '$2', '_'}, [{is_integer, '$2'}], [{{'$1', '$2', new}}]}]) end),
    BadRep = catch_it(fun() -> ets:select_replace(T, [{{'$1', '$2', '_'}, [], [{{'$2', '$1', new}}]}]) end),
    M = ets:match_delete(T, {'_', 2, '_'}),
    NotTrue = ets:select_delete(T, [{'_', [], [yes]}]),
    L = lists:sort(ets:tab2list(T)),
    ets:delete(T),
    {Type, C, D, Rep, BadRep, M, NotTrue, L}.

catch_it(F) -> try F() catch C:R -> {C, R} end.
