%% Arithmetic and comparisons the compiler has typed as floats (OTP 25
%% typed registers): results, overflow and division by zero raising badarith
%% in bodies and failing in guards, -0.0, integers with a known range mixed
%% with floats, and term-order comparisons between them.
-module(typed_floats).
-export([main/0]).

scale(X) when is_float(X) -> X * 2.5 - 1.0.
mix(I, X) when is_integer(I), I >= 0, I < 1000, is_float(X) -> {I * X, I / 4, X / I, I + X}.
big(X) when is_float(X) -> X * 1.0e300.
div0(X) when is_float(X) -> X / 0.0.
guard_big(X) when is_float(X), X * 1.0e300 > 0.0 -> big_ok;
guard_big(X) when is_float(X) -> guard_failed.
cmp(I, X) when is_integer(I), I >= -10, I =< 10, is_float(X) -> {I < X, I >= X, X < I, X >= 2, 1.0 >= I}.
negzero(X) when is_float(X) -> {X * -0.0, -0.0 * X, X - X}.

catch_error(F) -> try F() catch error:R -> {error, R} end.

main() ->
    Xs = [0.5, -3.25, 1.0e10, 0.0],
    A = [scale(X) || X <- Xs],
    B = [mix(I, X) || I <- [1, 3, 999], X <- [0.5, -2.0]],
    C = [catch_error(fun() -> big(X) end) || X <- [1.0, 1.0e10, -1.0e10]],
    D = [catch_error(fun() -> div0(X) end) || X <- [1.0, 0.0]],
    E = [guard_big(X) || X <- [1.0, 1.0e10, -1.0]],
    F = [cmp(I, X) || I <- [-10, 0, 2, 10], X <- [-0.5, 2.0, 9.75]],
    G = [negzero(X) || X <- [1.0, -1.0, 0.0]],
    {A, B, C, D, E, F, G}.
