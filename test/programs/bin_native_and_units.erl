%% Unit and type combinations in matching: binary-unit:N, bits, bytes, integer-unit.
-module(bin_native_and_units).
-export([main/0]).

main() ->
    Data = <<"ABCDEFGHIJ">>,
    <<A:2/binary-unit:16, B:3/bytes, C:8/bits, D:1/integer-unit:8, Rest/bytes>> = Data,
    <<E:5/bits, F/bits>> = <<"AB">>,
    Units = [<<N:2/integer-unit:4>> || N <- [0, 1, 255]],
    {A, B, C, D, Rest, E, F, Units, <<16#1234:16/native-unsigned-integer>> =:= <<16#34, 16#12>>}.
