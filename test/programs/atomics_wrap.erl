%% atomics: signed and unsigned 64-bit arrays, wrap-around, exchange/compare_exchange, range errors.
-module(atomics_wrap).
-export([main/0, id/1]).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    M = ?MODULE:id(1 bsl 63),
    A = atomics:new(3, []),
    U = atomics:new(2, [{signed, false}]),
    Info = [maps:without([memory], atomics:info(A)), maps:without([memory], atomics:info(U))],
    R = [c(fun() -> atomics:put(A, 1, M - 1) end), c(fun() -> atomics:add_get(A, 1, 1) end),
         c(fun() -> atomics:sub_get(A, 1, 1) end), c(fun() -> atomics:add(A, 2, 2 * M - 1) end),
         c(fun() -> atomics:get(A, 2) end), c(fun() -> atomics:put(A, 1, M) end),
         c(fun() -> atomics:exchange(A, 3, 42) end), c(fun() -> atomics:compare_exchange(A, 3, 41, 1) end),
         c(fun() -> atomics:compare_exchange(A, 3, 42, 1) end), c(fun() -> atomics:get(A, 3) end),
         c(fun() -> atomics:sub(A, 3, ?MODULE:id(a)) end), c(fun() -> atomics:get(A, 0) end),
         c(fun() -> atomics:get(A, 4) end),
         c(fun() -> atomics:put(U, 1, -1) end), c(fun() -> atomics:sub_get(U, 1, 1) end),
         c(fun() -> atomics:add_get(U, 1, 1) end), c(fun() -> atomics:add_get(U, 2, -M - 1) end),
         c(fun() -> atomics:new(0, []) end), c(fun() -> atomics:new(1, [{signed, maybe}]) end)],
    {Info, R}.
