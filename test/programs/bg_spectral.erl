%% A benchmarks-game program (also measured by bench/, at a bigger size): main/0 runs it small.
-module(bg_spectral).
-export([main/0, run/1]).
main() -> run(100).
run(N) ->
    U = lists:duplicate(N, 1.0),
    {U2, V2} = iter(10, U, N),
    VBv = dot(U2, V2), VV = dot(V2, V2),
    float_to_list(math:sqrt(VBv / VV), [{decimals, 9}]).
iter(0, U, _) -> {U, av(atav(U))};
iter(K, U, N) -> V = atav(U), iter(K - 1, atav(V), N).
a(I, J) -> 1.0 / ((I + J) * (I + J + 1) div 2 + I + 1).
av(U) -> N = length(U), [row(I, U, 0, fun a/2) || I <- lists:seq(0, N - 1)].
atv(U) -> N = length(U), [row(I, U, 0, fun(X, Y) -> a(Y, X) end) || I <- lists:seq(0, N - 1)].
atav(U) -> atv(av(U)).
row(_, [], _, _) -> 0.0;
row(I, [X | Xs], J, F) -> F(I, J) * X + row(I, Xs, J + 1, F).
dot(A, B) -> lists:sum([X * Y || {X, Y} <- lists:zip(A, B)]).
