%% safe_fixtable/2: traversal with first/next while deleting and re-inserting keys of a set.
-module(ets_fixtable).
-export([main/0]).

main() ->
    T = ets:new(f, [set]),
    ets:insert(T, [{I, I} || I <- lists:seq(1, 100)]),
    true = ets:safe_fixtable(T, true),
    N = visit(T, ets:first(T), 0),
    Mid = {ets:info(T, size), ets:info(T, fixed)},
    true = ets:safe_fixtable(T, false),
    true = ets:safe_fixtable(T, false),  % more releases than fixes are ignored
    O = ets:new(o, [ordered_set]),
    ets:insert(O, [{I, I} || I <- lists:seq(1, 10)]),
    Keys = visit_o(O, ets:first(O)),
    R = {N, Mid, ets:info(T, fixed), lists:sort(ets:tab2list(T)), Keys, ets:tab2list(O)},
    ets:delete(T), ets:delete(O),
    R.

%% Deletes each visited key; even keys come back as {K, new}.
visit(_, '$end_of_table', N) -> N;
visit(T, K, N) ->
    ets:delete(T, K),
    case K rem 2 of 0 -> ets:insert(T, {K, new}); 1 -> ok end,
    visit(T, ets:next(T, K), N + 1).

visit_o(_, '$end_of_table') -> [];
visit_o(O, K) ->
    ets:delete(O, K),
    [K | visit_o(O, ets:next(O, K))].
