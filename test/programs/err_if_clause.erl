%% if_clause when no if branch is true; guard exceptions just fail the branch.
-module(err_if_clause).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> X = ?MODULE:id(5), if X > 10 -> big; X < 0 -> neg end end),
     t(fun() -> X = ?MODULE:id(a), if X + 1 > 0 -> num end end),
     t(fun() -> X = ?MODULE:id([]), if hd(X) =:= 1 -> one end end),
     t(fun() -> X = ?MODULE:id(5), if X > 10 -> big; true -> default end end)].
