%% Mixed integer/float arithmetic: promotion rules and results' types.
-module(flt_from_ints).
-export([main/0]).

main() ->
    Ops = [fun(A, B) -> A + B end, fun(A, B) -> A - B end, fun(A, B) -> A * B end,
           fun(A, B) -> A / B end],
    Pairs = [{1, 2}, {1, 2.0}, {1.0, 2}, {3, 4}, {1 bsl 70, 2}, {1 bsl 70, 2.0}],
    [{A, B, [Op(A, B) || Op <- Ops]} || {A, B} <- Pairs]
        ++ [[is_float(X) || X <- [1 + 1.0, 2 * 1, 4 / 2, 4 div 2, -(1.0), abs(-1.0)]]].
