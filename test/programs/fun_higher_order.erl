%% Higher-order programming with lists:map/filter/foldl and funs returned from funs.
-module(fun_higher_order).
-export([main/0]).

main() ->
    Pipeline = [fun(L) -> lists:filter(fun(X) -> X rem 2 =:= 1 end, L) end,
                fun(L) -> lists:map(fun(X) -> X * X end, L) end,
                fun(L) -> lists:foldl(fun(X, A) -> X + A end, 0, L) end],
    Run = fun(Input) -> lists:foldl(fun(Stage, Acc) -> Stage(Acc) end, Input, Pipeline) end,
    Curry = fun(F) -> fun(A) -> fun(B) -> F(A, B) end end end,
    Add = (Curry(fun erlang:'+'/2)),
    Memo = memoize(fun(X) -> X * 1000 end),
    {Run(lists:seq(1, 10)), (Add(2))(3), Memo(7),
     lists:zipwith(fun(A, B) -> {A, B} end, [1, 2, 3], [x, y, z]),
     lists:foldr(fun(X, Acc) -> [X | Acc] end, [], [a, b, c]),
     lists:mapfoldl(fun(X, N) -> {{N, X}, N + 1} end, 0, [p, q, r]),
     lists:any(fun is_atom/1, [1, a]), lists:all(fun is_atom/1, [1, a]),
     lists:sort(fun(A, B) -> A >= B end, [3, 1, 2])}.

memoize(F) -> fun(X) -> {memo, F(X)} end.
