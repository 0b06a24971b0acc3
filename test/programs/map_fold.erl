%% maps:fold/map/filter/filtermap/foreach-like traversals and comprehension-style folds.
-module(map_fold).
-export([main/0]).

main() ->
    Scores = #{alice => 90, bob => 72, carol => 85, dave => 60, eve => 99},
    Total = maps:fold(fun(_, V, Acc) -> V + Acc end, 0, Scores),
    Curved = maps:map(fun(_, V) -> min(100, V + 5) end, Scores),
    Passed = maps:filter(fun(_, V) -> V >= 75 end, Scores),
    Grades = maps:filtermap(fun(_, V) when V >= 90 -> {true, a};
                               (_, V) when V >= 80 -> {true, b};
                               (_, _) -> false end, Scores),
    Inverted = maps:fold(fun(K, V, Acc) -> Acc#{V => K} end, #{}, Scores),
    Pairs = maps:fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], Scores),
    Counts = lists:foldl(fun(W, Acc) -> maps:update_with(W, fun(N) -> N + 1 end, 1, Acc) end,
                         #{}, [a, b, a, c, b, a, d]),
    {Total, Curved, Passed, Grades, Inverted, lists:sort(Pairs), Counts}.
