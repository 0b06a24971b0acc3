%% band/bor/bxor/bnot on negative and positive bignums (two's complement semantics).
-module(big_bitwise).
-export([main/0]).

main() ->
    Vals = [0, 1, -1, 12345, -12345, 1 bsl 64, -(1 bsl 64), (1 bsl 100) - 1, -(1 bsl 100) + 7,
            16#DEADBEEFCAFEBABE0123, -16#DEADBEEFCAFEBABE0123],
    [{A, B, A band B, A bor B, A bxor B} || A <- Vals, B <- Vals, A =< B]
        ++ [{bnot V} || V <- Vals].
