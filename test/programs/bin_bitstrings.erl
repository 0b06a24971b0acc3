%% Bitstrings whose length is not a multiple of 8: construction, matching, sizes, appends.
-module(bin_bitstrings).
-export([main/0]).

main() ->
    A = <<1:1, 0:1, 1:1>>,
    B = <<A/bitstring, 2#11:2>>,
    C = <<B/bits, B/bits, 7:3>>,
    <<X:3, Y:2, Rest/bits>> = C,
    Splits = [split(C, N) || N <- [0, 1, 7, 8, 9, 13]],
    {A, B, C, bit_size(A), bit_size(B), bit_size(C), byte_size(C), X, Y, Rest,
     Splits, is_binary(C), is_bitstring(C), <<>> =:= <<0:0>>,
     bitstring_to_list(C), list_to_bitstring([1, <<3:2>>, [<<5:3>>]]),
     <<A/bits, 255>>, C =:= <<C/bits>>, <<1:1>> < <<1:2>>, <<1:1>> < <<0:2>>}.

split(Bits, N) ->
    <<H:N/bits, T/bits>> = Bits,
    {H, T}.
