%% Float overflow raises badarith instead of producing infinity; underflow goes to zero.
-module(flt_overflow).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Big = ?MODULE:id(1.0e308),
    [t(fun() -> Big * 2 end), t(fun() -> Big + Big end), t(fun() -> -Big - Big end),
     t(fun() -> Big / 1.0e-10 end), t(fun() -> float(?MODULE:id(1 bsl 1024)) end),
     t(fun() -> ?MODULE:id(1 bsl 1100) + 0.5 end), t(fun() -> ?MODULE:id(1.0e-300) * 1.0e-300 end),
     t(fun() -> Big * 1.7976931348623157 end), t(fun() -> ?MODULE:id(1.7976931348623157e308) end),
     t(fun() -> float(?MODULE:id((1 bsl 1024) - (1 bsl 970))) end),
     t(fun() -> float(?MODULE:id((1 bsl 1024) - (1 bsl 971))) end)].

t(F) -> try F() catch C:R -> {C, R} end.
