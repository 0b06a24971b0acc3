%% Binary comprehensions: binary generators, list generators, filters, size-varying output.
-module(bin_comprehension).
-export([main/0]).

main() ->
    Bin = <<"Hello, World!">>,
    Upper = << <<(up(C))>> || <<C>> <= Bin >>,
    Vowels = << <<C>> || <<C>> <= Bin, lists:member(C, "aeiouAEIOU") >>,
    Pairs = [{A, B} || <<A, B>> <= <<1, 2, 3, 4, 5>>],
    Words = << <<(byte_size(W)):8, W/binary>> || W <- [<<"ab">>, <<"cde">>, <<>>] >>,
    Swapped = << <<B, A>> || <<A, B>> <= <<"abcdef">> >>,
    Nibbles = [N || <<N:4>> <= <<16#A5, 16#3C>>],
    Expanded = << <<X:16>> || X <- lists:seq(1, 5) >>,
    Cross = << <<X, Y>> || <<X>> <= <<1, 2>>, <<Y>> <= <<10, 20>> >>,
    Rgb = [{R, G, B2} || <<R, G, B2>> <= <<255, 0, 0, 0, 255, 0, 9>>],
    {Upper, Vowels, Pairs, Words, Swapped, Nibbles, Expanded, Cross, Rgb}.

up(C) when C >= $a, C =< $z -> C - 32;
up(C) -> C.
