%% Comparisons between bignums, small integers and floats, including beyond 2^53.
-module(big_compare).
-export([main/0]).

main() ->
    P53 = 1 bsl 53,
    Pairs = [{P53, float(P53)}, {P53 + 1, float(P53 + 1)}, {P53 + 1, float(P53)},
             {1 bsl 1023, 8.98846567431158e307}, {1 bsl 1100, 1.0e308},
             {-(1 bsl 1100), -1.0e308}, {1 bsl 64, 1 bsl 64}, {1 bsl 64, (1 bsl 64) + 1},
             {-(1 bsl 64), 1}, {12345678901234567890, 12345678901234567891}],
    [{A == B, A =:= B, A < B, A > B} || {A, B} <- Pairs]
        ++ [lists:sort([1 bsl 70, 1.0e21, -(1 bsl 70), 3, 2.5, 1 bsl 60, -1.0e30])].
