%% Binary matches that fail: too short, trailing bits, wrong literal, size from a bad variable.
-module(bin_match_fail).
-export([main/0]).

main() ->
    Bins = [<<>>, <<1>>, <<1, 2>>, <<1, 2, 3>>, <<1:9>>, <<"xyz">>, <<0, 0, 0, 5, 1, 2, 3, 4, 5>>],
    [{B, m(B)} || B <- Bins] ++
        [try <<A:8>> = id(<<1, 2>>), A catch C:R -> {C, R} end].

m(<<0, 0, 0, N, Payload:N/binary>>) -> {len_prefixed, Payload};
m(<<A, B, C>>) when A < B, B < C -> {ascending3, A, B, C};
m(<<"xy", Last>>) -> {xy, Last};
m(<<A:16>>) -> {short16, A};
m(<<A:9>>) -> {nine_bits, A};
m(<<_>>) -> one_byte;
m(<<>>) -> empty;
m(_) -> nomatch.

id(X) -> X.
