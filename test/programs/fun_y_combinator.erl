%% Recursion without named functions: a Y-combinator style fixpoint and self-application.
-module(fun_y_combinator).
-export([main/0]).

main() ->
    Y = fun(F) -> (fun(X) -> F(fun(V) -> (X(X))(V) end) end)(fun(X) -> F(fun(V) -> (X(X))(V) end) end) end,
    Fact = Y(fun(Self) -> fun(0) -> 1; (N) -> N * Self(N - 1) end end),
    Fib = Y(fun(Self) -> fun(N) when N < 2 -> N; (N) -> Self(N - 1) + Self(N - 2) end end),
    SelfApp = fun(G, N) -> G(G, N) end,
    Sum = SelfApp(fun(_, 0) -> 0; (G, N) -> N + G(G, N - 1) end, 1000),
    {Fact(20), Fact(30), [Fib(N) || N <- lists:seq(0, 15)], Sum}.
