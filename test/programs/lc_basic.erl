%% List comprehensions: one generator, filters, and expressions over the elements.
-module(lc_basic).
-export([main/0]).

main() ->
    L = lists:seq(1, 20),
    {[X * X || X <- L],
     [X || X <- L, X rem 3 =:= 0],
     [X || X <- L, X > 5, X < 10, X =/= 7],
     [{X, is_prime(X)} || X <- L, X > 15],
     [X || X <- [], X > 0],
     [ok || _ <- [a, b, c]],
     [X || X <- [1, a, 2.0, "s", {t}], is_number(X)],
     length([X || X <- lists:seq(1, 100000), X rem 7 =:= 0])}.

is_prime(N) when N < 2 -> false;
is_prime(N) -> lists:all(fun(D) -> N rem D =/= 0 end, lists:seq(2, trunc(math_sqrt(N)))).

math_sqrt(N) -> sqrt_iter(N, N).
sqrt_iter(N, G) when G * G =< N -> G;
sqrt_iter(N, G) -> sqrt_iter(N, G - 1).
