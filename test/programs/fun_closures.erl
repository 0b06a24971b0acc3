%% Closures capturing free variables of every kind; each closure keeps its own snapshot.
-module(fun_closures).
-export([main/0]).

main() ->
    Adders = [make_adder(N) || N <- [1, 10, 100]],
    Counter = make_counter(5),
    Big = 1 bsl 90, Flt = 2.5, Bin = <<"bin">>, Map = #{k => v}, Tup = {t, u},
    Capture = fun(X) -> {X, Big, Flt, Bin, Map, Tup} end,
    Nested = fun(A) -> fun(B) -> fun(C) -> A * 100 + B * 10 + C end end end,
    {[F(1) || F <- Adders], Counter(0), Counter(1), Capture(x), ((Nested(1))(2))(3),
     lists:map(make_adder(-1), [1, 2, 3]), compose_all([fun(X) -> X + 1 end, fun(X) -> X * 2 end,
                                                       fun(X) -> X - 3 end], 10)}.

make_adder(N) -> fun(X) -> X + N end.

make_counter(Start) -> fun(Step) -> Start + Step end.

compose_all(Fs, X) -> lists:foldl(fun(F, Acc) -> F(Acc) end, X, Fs).
