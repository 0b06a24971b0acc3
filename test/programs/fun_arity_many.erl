%% Funs and functions with many arguments and many free variables (register pressure).
-module(fun_arity_many).
-export([main/0]).

main() ->
    [A, B, C, D, E, F, G, H, I, J] = lists:seq(1, 10),
    K = fun(X1, X2, X3, X4, X5, X6, X7, X8) ->
                X1 + X2 * A + X3 * B + X4 * C + X5 * D + X6 * E + X7 * F + X8 * G + H + I + J
        end,
    {K(1, 2, 3, 4, 5, 6, 7, 8), f12(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
     lists:foldl(fun(X, Acc) -> f12(X, X, X, X, X, X, X, X, X, X, X, Acc) end, 0, lists:seq(1, 5))}.

f12(A, B, C, D, E, F, G, H, I, J, K, L) ->
    [A, B, C, D, E, F, G, H, I, J, K, L] =:= lists:seq(1, 12) orelse ok,
    A + B + C + D + E + F + G + H + I + J + K + L.
