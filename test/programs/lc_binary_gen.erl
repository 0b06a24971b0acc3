%% List comprehensions with binary generators and mixed list/binary generators.
-module(lc_binary_gen).
-export([main/0]).

main() ->
    Pixels = <<10, 20, 30, 40, 50, 60, 70, 80, 90>>,
    {[{R, G, B} || <<R, G, B>> <= Pixels],
     [R + G + B || <<R, G, B>> <= Pixels, R > 20],
     [{C, N} || <<C>> <= <<"ab">>, N <- [1, 2]],
     [X || <<X:4>> <= <<16#12, 16#34, 5:4>>],
     [S || <<L, S:L/binary>> <= <<2, "hi", 3, "abc", 0>>],
     [B || <<B:3/bits>> <= <<255, 1:2>>]}.
