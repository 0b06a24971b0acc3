%% UTF-32 segments in both endiannesses and the validity checks on match.
-module(bin_utf32).
-export([main/0]).

main() ->
    Cps = [0, $z, 16#D7FF, 16#E000, 16#10FFFF],
    BE = << <<C/utf32>> || C <- Cps >>,
    LE = << <<C/utf32-little>> || C <- Cps >>,
    {BE, LE, [C || <<C/utf32>> <= BE], [C || <<C/utf32-little>> <= LE],
     [case B of <<C/utf32>> -> {ok, C}; _ -> invalid end
      || B <- [<<0, 0, 16#D8, 0>>, <<0, 16#11, 0, 0>>, <<0, 0, 0, 65>>, <<255, 255, 255, 255>>]]}.
