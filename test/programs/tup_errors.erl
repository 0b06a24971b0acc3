%% Tuple BIF errors: out-of-range indices and non-tuple arguments give badarg.
-module(tup_errors).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    T = ?MODULE:id({a, b}),
    [t(fun() -> element(0, T) end), t(fun() -> element(3, T) end),
     t(fun() -> element(1, ?MODULE:id([a])) end), t(fun() -> element(?MODULE:id(a), T) end),
     t(fun() -> setelement(0, T, x) end), t(fun() -> setelement(3, T, x) end),
     t(fun() -> erlang:make_tuple(?MODULE:id(-1), a) end),
     t(fun() -> erlang:insert_element(4, T, x) end), t(fun() -> erlang:delete_element(3, T) end),
     t(fun() -> erlang:delete_element(1, ?MODULE:id({})) end),
     t(fun() -> tuple_to_list(?MODULE:id([])) end), t(fun() -> list_to_tuple(?MODULE:id(x)) end),
     t(fun() -> element(1 bsl 64, T) end), t(fun() -> erlang:make_tuple(2, a, [{3, x}]) end)].

t(F) -> try F() catch C:R -> {C, R} end.
