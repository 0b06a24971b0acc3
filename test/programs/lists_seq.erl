%% lists:seq/2,3 including empty and descending ranges, and its errors.
-module(lists_seq).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [lists:seq(1, 5), lists:seq(5, 5), lists:seq(5, 4), lists:seq(1, 10, 3), lists:seq(10, 1, -3),
     lists:seq(-3, 3), lists:seq(1, 1, 0), length(lists:seq(1, 100000)),
     lists:seq(1 bsl 64, (1 bsl 64) + 2),
     t(fun() -> lists:seq(5, ?MODULE:id(3)) end), t(fun() -> lists:seq(1, ?MODULE:id(5), 0) end),
     t(fun() -> lists:seq(?MODULE:id(a), 3) end), t(fun() -> lists:seq(1, 10, -1) end),
     t(fun() -> lists:seq(1.0, 3) end)].

t(F) -> try F() catch C:R -> {C, R} end.
