%% badarith from arithmetic on non-numbers, division by zero, float overflow.
-module(err_badarith).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> 1 + ?MODULE:id(a) end),
     t(fun() -> ?MODULE:id("1") * 2 end),
     t(fun() -> 1 / ?MODULE:id(0) end),
     t(fun() -> 1 / ?MODULE:id(0.0) end),
     t(fun() -> 1 div ?MODULE:id(0) end),
     t(fun() -> 1 rem ?MODULE:id(0) end),
     t(fun() -> 1.5 div ?MODULE:id(1) end),
     t(fun() -> 7 rem ?MODULE:id(2.0) end),
     t(fun() -> ?MODULE:id(1.0e308) * 10 end),
     t(fun() -> ?MODULE:id(1.0e308) + 1.0e308 end),
     t(fun() -> -(?MODULE:id(b)) end),
     t(fun() -> ?MODULE:id(1) bsl ?MODULE:id(1.0) end),
     t(fun() -> ?MODULE:id(2.0) band 1 end),
     t(fun() -> bnot ?MODULE:id(1.0) end),
     t(fun() -> ?MODULE:id(1 bsl 2000) * 1.0 end),
     t(fun() -> 0 / ?MODULE:id(-0.0) end)].
