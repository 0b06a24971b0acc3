%% The ++ and -- operators, their precedence and errors, and length/hd/tl on improper lists.
-module(lists_ops).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [[1, 2] ++ [3], [] ++ [], [1] ++ 2, [1, 2, 3, 2, 1] -- [2, 1], [1, 2] -- [3], [a, b, c] -- [],
     [1, 2, 3] -- [1] -- [1], ([1, 2, 3] -- [1]) -- [2], "abc" ++ "def" -- "fe",
     [x || _ <- lists:seq(1, 3)] ++ [y],
     t(fun() -> ?MODULE:id(a) ++ [1] end), t(fun() -> [1 | ?MODULE:id(b)] ++ [2] end),
     t(fun() -> [1] -- ?MODULE:id(x) end), t(fun() -> ?MODULE:id([1 | 2]) -- [1] end),
     t(fun() -> length(?MODULE:id([1, 2 | 3])) end), hd([a | b]), tl([a | b]),
     length(lists:seq(1, 10000) -- lists:seq(2, 10000, 2))].

t(F) -> try F() catch C:R -> {C, R} end.
