%% Arithmetic BIFs and operators inside guards.
-module(pat_guards_arith).
-export([main/0]).

main() ->
    [f(X) || X <- [-7, -2.5, 0, 3, 3.7, 10, 255, 1 bsl 64, -(1 bsl 64)]].

f(X) when is_integer(X), X rem 2 =:= 0, X div 2 > 4 -> {even_big, X div 2};
f(X) when is_integer(X), abs(X) > 1 bsl 60 -> {huge, X band 16#ff, X bsr 62};
f(X) when is_integer(X), X band 1 =:= 1, X bsl 2 > 20 -> {odd_shift, X bsl 2};
f(X) when is_integer(X), -X > 0 -> {negative, abs(X), bnot X, X bxor 5, X bor 8};
f(X) when is_float(X), trunc(X) =:= 3 -> {trunc3, round(X), ceil(X), floor(X)};
f(X) when is_float(X), X * 2 < -4.0 -> {small, float(round(X)), -X};
f(X) when X + 0 == 0 -> {zero, float(X), X / 1};
f(X) -> {other, X * X - 1}.
