%% {case_clause, V} when no case clause matches.
-module(err_case_clause).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> case ?MODULE:id(3) of 1 -> one; 2 -> two end end),
     t(fun() -> case ?MODULE:id({a, b}) of {a} -> x; {_, c} -> y end end),
     t(fun() -> case ?MODULE:id([]) of [_ | _] -> cons end end),
     t(fun() -> case ?MODULE:id(5) of N when N > 10 -> big end end),
     t(fun() -> case ?MODULE:id(<<"x">>) of <<"y">> -> y end end),
     t(fun() -> case ?MODULE:id(#{k => 1}) of #{k := 2} -> two end end),
     t(fun() -> case ?MODULE:id(ok) of ok -> fine end end)].
