%% Bit-string comprehensions producing and consuming sub-byte segments.
-module(bin_bits_comprehension).
-export([main/0]).

main() ->
    Bits = << <<B:1>> || B <- [1, 0, 1, 1, 0, 0, 1] >>,
    Back = [B || <<B:1>> <= Bits],
    Inverted = << <<(1 - B):1>> || <<B:1>> <= Bits >>,
    Triples = [T || <<T:3>> <= <<2#101110011:9>>],
    Odd = << <<X:3>> || X <- lists:seq(0, 7) >>,
    Popcount = lists:sum([B || <<B:1>> <= <<16#F0F0FF:24>>]),
    Mixed = << <<X:5, Y:2>> || <<X:5>> <= <<2#1010111100:10>>, Y <- [1, 2] >>,
    {Bits, Back, Inverted, Triples, Odd, bit_size(Odd), Popcount, Mixed, bit_size(Mixed)}.
