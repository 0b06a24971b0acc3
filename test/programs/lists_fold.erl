%% Folds and maps: foldl, foldr, mapfoldl, mapfoldr, foreach (with messages), filtermap.
-module(lists_fold).
-export([main/0]).

main() ->
    L = lists:seq(1, 10),
    Self = self(),
    lists:foreach(fun(X) -> Self ! {each, X} end, [a, b, c]),
    {lists:foldl(fun(X, Acc) -> [X | Acc] end, [], L), lists:foldr(fun(X, Acc) -> [X | Acc] end, [], L),
     lists:foldl(fun(X, {S, P}) -> {S + X, P * X} end, {0, 1}, L),
     lists:mapfoldl(fun(X, Acc) -> {X * 2, Acc + X} end, 0, L),
     lists:mapfoldr(fun(X, Acc) -> {{X, Acc}, Acc + 1} end, 0, [a, b, c]),
     lists:filtermap(fun(X) when X rem 2 =:= 0 -> {true, X * X}; (X) -> X > 8 end, L),
     lists:flatmap(fun(X) -> lists:duplicate(X, X) end, [1, 2, 3]),
     lists:partition(fun(X) -> X > 5 end, L), [receive {each, X} -> X end || _ <- [1, 2, 3]]}.
