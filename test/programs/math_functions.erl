%% The math module over many inputs, rounded to 1e-9 so that libm last-bit differences do not show.
-module(math_functions).
-export([main/0, id/1]).

id(X) -> X.

r(X) when is_float(X) -> round(X * 1.0e9);
r(X) -> X.

call(F, Args) ->
    try r(apply(math, F, Args)) catch C:R -> {C, R} end.

main() ->
    Xs = ?MODULE:id([0, 1, -1, 0.5, -0.5, 2, 3.25, -7.5, 10, 100.0, 1.0e-5, 1 bsl 70]),
    Unary = [sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, asinh, acosh, atanh,
             exp, log, log2, log10, sqrt, erf, erfc, ceil, floor],
    U = [{F, [call(F, [X]) || X <- Xs]} || F <- Unary],
    Ys = ?MODULE:id([0, 1, -2, 0.5, 3.0]),
    B = [{F, [call(F, [X, Y]) || X <- Xs, Y <- Ys]} || F <- [atan2, pow, fmod]],
    {r(math:pi()), U, B}.
