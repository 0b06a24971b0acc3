%% {badmatch, V} from = with every kind of right-hand side value.
-module(err_badmatch).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> {ok, _} = ?MODULE:id({error, enoent}) end),
     t(fun() -> [_] = ?MODULE:id([1, 2]) end),
     t(fun() -> <<_:8>> = ?MODULE:id(<<1, 2>>) end),
     t(fun() -> #{a := _} = ?MODULE:id(#{b => 1}) end),
     t(fun() -> 1 = ?MODULE:id(1.0) end),
     t(fun() -> a = ?MODULE:id(b) end),
     t(fun() -> {X, X} = ?MODULE:id({1, 2}) end),
     t(fun() -> "abc" ++ _ = ?MODULE:id("abd") end),
     t(fun() -> {_, _} = ?MODULE:id(1 bsl 100) end),
     t(fun() -> ok = ?MODULE:id(ok) end)].
