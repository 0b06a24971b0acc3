%% Bignum conversions: to/from strings, binaries, floats, and external term format.
-module(big_conversions).
-export([main/0]).

main() ->
    N = 1 bsl 200 + 12345,
    M = -N,
    {integer_to_list(N), integer_to_binary(M), list_to_integer(integer_to_list(M)) =:= M,
     float(N), trunc(float(N)) =:= N, binary_to_term(term_to_binary(M)) =:= M,
     <<N:208>>, binary:decode_unsigned(<<N:208>>) =:= N, N band 16#FFFF, M band 16#FFFF,
     abs(M) =:= N, integer_to_list(1 bsl 64, 16), erlang:phash2(N) >= 0}.
