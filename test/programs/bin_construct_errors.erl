%% Construction errors: badarg for wrong types, negative sizes, non-binary /binary segments.
-module(bin_construct_errors).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [t(fun() -> <<(?MODULE:id(a)):8>> end),
     t(fun() -> <<(?MODULE:id(1.5)):8>> end),
     t(fun() -> <<(?MODULE:id(1)):(?MODULE:id(-1))>> end),
     t(fun() -> <<(?MODULE:id(1)):(?MODULE:id(x))>> end),
     t(fun() -> <<(?MODULE:id([1])):8>> end),
     t(fun() -> <<(?MODULE:id(<<1:3>>))/binary>> end),
     t(fun() -> <<(?MODULE:id(<<1, 2>>)):3/binary>> end),
     t(fun() -> <<(?MODULE:id(a))/float>> end),
     t(fun() -> <<(?MODULE:id("abc"))/binary>> end),
     t(fun() -> <<(?MODULE:id(<<1, 2, 3>>)):2/binary>> end),
     t(fun() -> <<(?MODULE:id(<<1, 2, 3>>)):1/binary-unit:16>> end),
     t(fun() -> <<(?MODULE:id(<<1, 2>>))/bits, 0:(?MODULE:id(1))>> end)].

t(F) -> try F() catch C:R -> {C, R} end.
