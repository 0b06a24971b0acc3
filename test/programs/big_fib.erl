%% Fibonacci numbers up to F(1000) by iteration, with checks by identities.
-module(big_fib).
-export([main/0]).

main() ->
    F = fun(N) -> fib(N, 0, 1) end,
    F1000 = F(1000),
    {F(90), F(100), length(integer_to_list(F1000)), F1000 rem 1000000,
     F(200) * F(200) - F(199) * F(201), [F(N) || N <- lists:seq(0, 10)]}.

fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).
