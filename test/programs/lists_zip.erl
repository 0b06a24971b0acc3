%% zip/unzip/zip3/unzip3/zipwith/zipwith3 and their errors on unequal lengths.
-module(lists_zip).
-export([main/0]).

main() ->
    {lists:zip([1, 2, 3], [a, b, c]), lists:unzip([{1, a}, {2, b}]), lists:zip3([1], [2], [3]),
     lists:unzip3([{1, 2, 3}, {4, 5, 6}]), lists:zipwith(fun(X, Y) -> X + Y end, [1, 2], [10, 20]),
     lists:zipwith3(fun(X, Y, Z) -> X * Y * Z end, [1, 2], [3, 4], [5, 6]), lists:zip([], []),
     try lists:zip([1, 2], [a]) catch C:R -> {C, R} end,
     lists:enumerate([a, b, c]), lists:enumerate(0, [x, y])}.
