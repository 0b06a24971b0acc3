%% timeout_value when a receive after-timeout is not a non-negative integer or infinity.
-module(err_timeout_value).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> receive never -> ok after ?MODULE:id(-1) -> timeout end end),
     t(fun() -> receive never -> ok after ?MODULE:id(foo) -> timeout end end),
     t(fun() -> receive never -> ok after ?MODULE:id(1.5) -> timeout end end),
     t(fun() -> receive never -> ok after ?MODULE:id(0) -> zero_ok end end),
     t(fun() -> self() ! m, receive m -> got after ?MODULE:id(16#FFFFFFFF) -> timeout end end),
     t(fun() -> self() ! m, receive m -> got after ?MODULE:id(1 bsl 40) -> timeout end end),
     t(fun() -> self() ! m, receive m -> got after ?MODULE:id(infinity) -> timeout end end),
     t(fun() -> receive never -> ok after ?MODULE:id(1 bsl 70) -> timeout end end)].
