%% Integer arithmetic whose operand ranges the compiler knows (guards, byte
%% matches): results near and beyond the safe-integer range (2^53), where a
%% proven-safe operation is plain JS and anything else must stay exact.
-module(typed_ints).
-export([main/0]).

sq(X) when is_integer(X), X >= -(1 bsl 26), X =< (1 bsl 26) -> {X * X, X * X * 4, X * X + X, X - (1 bsl 26)}.
bytes(<<B, R/binary>>, Acc) -> bytes(R, [B * B - 300, 255 - B, B * 16#1000000000000 | Acc]);
bytes(<<>>, Acc) -> lists:reverse(Acc).
small(X) when is_integer(X), X >= 0, X < 16 -> {X < 8, X >= 3, 7 < X, X * -3 >= -20}.
big(X) when is_integer(X), X >= 0, X =< (1 bsl 52) -> {X + X, X * 2 + 1, X + X + X, -X - X}.

main() ->
    A = [sq(X) || X <- [0, 1, -1, 1 bsl 26, -(1 bsl 26), 12345]],
    B = bytes(<<0, 1, 17, 255>>, []),
    C = [small(X) || X <- lists:seq(0, 15)],
    D = [big(X) || X <- [0, 1 bsl 52, (1 bsl 52) - 1, 3]],
    {A, B, C, D}.
