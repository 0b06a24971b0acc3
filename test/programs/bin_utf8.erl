%% UTF-8 segments: construct and match every encoded length, plus invalid input.
-module(bin_utf8).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Cps = [$a, 16#7F, 16#80, 16#E9, 16#7FF, 16#800, 16#20AC, 16#FFFF, 16#10000, 16#1F600, 16#10FFFF],
    Enc = [{C, <<C/utf8>>} || C <- Cps],
    All = << <<C/utf8>> || C <- Cps >>,
    Decoded = decode(All),
    Bad = [try <<(?MODULE:id(C))/utf8>> catch E:R -> {E, R} end || C <- [16#D800, 16#110000, -1, a]],
    BadMatch = [case B of <<C/utf8, _/binary>> -> {ok, C}; _ -> nomatch end
                || B <- [<<16#C0, 16#80>>, <<16#ED, 16#A0, 16#80>>, <<16#F4, 16#90, 16#80, 16#80>>,
                         <<16#E2, 16#82>>, <<16#80>>, <<"é"/utf8>>]],
    {Enc, byte_size(All), Decoded =:= Cps, Bad, BadMatch,
     unicode:characters_to_binary("héllo") =:= <<"héllo"/utf8>>}.

decode(<<C/utf8, Rest/binary>>) -> [C | decode(Rest)];
decode(<<>>) -> [].
