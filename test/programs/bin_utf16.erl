%% UTF-16 big and little endian segments, surrogate pairs, invalid units.
-module(bin_utf16).
-export([main/0]).

main() ->
    Cps = [$A, 16#E9, 16#FFFD, 16#10000, 16#1F600, 16#10FFFF],
    BE = << <<C/utf16>> || C <- Cps >>,
    LE = << <<C/utf16-little>> || C <- Cps >>,
    {[{C, <<C/utf16>>, <<C/utf16-little>>} || C <- Cps],
     BE, LE, dec_be(BE), dec_le(LE),
     case <<16#DC00:16>> of <<X/utf16, _/binary>> -> {ok, X}; _ -> lone_low end,
     case <<16#D800:16, $a:16>> of <<Y/utf16, _/binary>> -> {ok, Y}; _ -> bad_pair end,
     case <<16#D83D:16>> of <<Z/utf16>> -> {ok, Z}; _ -> truncated end}.

dec_be(<<C/utf16, R/binary>>) -> [C | dec_be(R)];
dec_be(<<>>) -> [].

dec_le(<<C/utf16-little, R/binary>>) -> [C | dec_le(R)];
dec_le(<<>>) -> [].
