%% Named funs (fun Name(...) -> ... Name(...) end) including closures over outer variables.
-module(fun_named).
-export([main/0]).

main() ->
    Fact = fun F(0) -> 1; F(N) -> N * F(N - 1) end,
    Limit = 3,
    Walk = fun W([]) -> []; W([H | T]) when H > Limit -> [big | W(T)]; W([H | T]) -> [H | W(T)] end,
    Even = fun E(0) -> true; E(1) -> false; E(N) -> E(N - 2) end,
    Count = fun C(N, Acc) when N > 0 -> C(N - 1, Acc + 1); C(_, Acc) -> Acc end,
    {Fact(10), Walk([1, 5, 2, 7]), [Even(N) || N <- [0, 1, 10, 13]], Count(1000000, 0)}.
