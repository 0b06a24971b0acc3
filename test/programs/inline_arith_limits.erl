%% The inline arithmetic of generated code at its edges: bnot around 2^53,
%% abs(-0.0) (stays -0.0), bignum/float mixing, and results beyond BEAM's
%% bignum size, which raise system_limit in a body and fail a guard.
-module(inline_arith_limits).
-export([main/0, id/1]).

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
g(X, Y) when X * Y > 0 -> positive;
g(_, _) -> guard_failed.

main() ->
    B = id((1 bsl 60) + 1), F = id(0.5), Huge = id(1) bsl id(33554000),
    A = [bnot id(9007199254740991), bnot id(-9007199254740992), bnot id(-1), bnot id(1 bsl 70),
         abs(id(-0.0)), abs(id(-2.5)), abs(id(-(1 bsl 53))), (bnot id(9007199254740991)) =:= -9007199254740992],
    M = [t(fun() -> B + F end), t(fun() -> B * 1.0 end), t(fun() -> F - B end), t(fun() -> B / 3 end),
         t(fun() -> id(1 bsl 1100) + F end), t(fun() -> id(9007199254740993) + 0.0 end),
         t(fun() -> float(id(9007199254740993)) end), t(fun() -> id(18014398509481987) * 1.0 end)],
    L = [t(fun() -> Huge bsl 1000 end), t(fun() -> Huge * id(1 bsl 1000) end),
         g(Huge, id(1 bsl 1000)), g(id(3), id(4))],
    {A, M, L}.
