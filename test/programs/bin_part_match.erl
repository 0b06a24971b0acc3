%% binary:part-like extraction via matching with computed sizes, and the BIFs that do the same.
-module(bin_part_match).
-export([main/0]).

main() ->
    Bin = <<"0123456789abcdef">>,
    Parts = [part(Bin, P, L) || {P, L} <- [{0, 4}, {4, 4}, {10, 6}, {16, 0}, {15, 1}]],
    Bifs = [binary_part(Bin, 2, 3), binary_part(Bin, {5, 2}), binary_part(Bin, 16, -3),
            binary:part(Bin, 1, 1), split_binary(Bin, 5)],
    Errors = [try binary_part(Bin, P, L) catch C:R -> {C, R} end || {P, L} <- [{10, 7}, {-1, 2}, {17, 0}]],
    Packet = <<3, "abc", 2, "de", 0, 5, "fghij">>,
    {Parts, Bifs, Errors, fields(Packet)}.

part(Bin, Pos, Len) ->
    <<_:Pos/binary, Part:Len/binary, _/binary>> = Bin,
    Part.

%% Length-prefixed fields: the size of one segment comes from an earlier segment.
fields(<<Len, Field:Len/binary, Rest/binary>>) -> [Field | fields(Rest)];
fields(<<>>) -> [].
