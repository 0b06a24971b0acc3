%% Funs referencing local functions, passed through lists and maps, called in guards' results.
-module(fun_local_and_export).
-export([main/0]).

main() ->
    Ops = #{add => fun add/2, sub => fun sub/2, mul => fun(A, B) -> A * B end,
            pow => fun pow/2},
    Prog = [{add, 2, 3}, {mul, 4, 5}, {sub, 10, 4}, {pow, 2, 10}, {div_, 1, 0}],
    [case maps:find(Op, Ops) of
         {ok, F} -> {Op, F(X, Y)};
         error -> {Op, unknown}
     end || {Op, X, Y} <- Prog].

add(A, B) -> A + B.
sub(A, B) -> A - B.
pow(_, 0) -> 1;
pow(A, N) -> A * pow(A, N - 1).
