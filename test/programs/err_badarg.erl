%% badarg from BIFs given arguments of the wrong type or out of range.
-module(err_badarg).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> atom_to_list(?MODULE:id("x")) end),
     t(fun() -> list_to_atom(?MODULE:id(x)) end),
     t(fun() -> element(?MODULE:id(4), {a, b}) end),
     t(fun() -> element(?MODULE:id(0), {a}) end),
     t(fun() -> setelement(?MODULE:id(3), {a}, x) end),
     t(fun() -> hd(?MODULE:id([])) end),
     t(fun() -> tl(?MODULE:id(x)) end),
     t(fun() -> length(?MODULE:id([a | b])) end),
     t(fun() -> tuple_size(?MODULE:id([])) end),
     t(fun() -> list_to_integer(?MODULE:id("12a")) end),
     t(fun() -> list_to_float(?MODULE:id("1")) end),
     t(fun() -> integer_to_list(?MODULE:id(10), ?MODULE:id(37)) end),
     t(fun() -> abs(?MODULE:id(x)) end),
     t(fun() -> ?MODULE:id(self()) ! ?MODULE:id(self()), ?MODULE:id(not_a_pid) ! msg end),
     t(fun() -> list_to_existing_atom(?MODULE:id("surely_no_such_atom_exists_zq9")) end),
     t(fun() -> binary_to_list(?MODULE:id(abc)) end),
     t(fun() -> make_tuple_err() end),
     t(fun() -> erlang:list_to_tuple(?MODULE:id([a | b])) end),
     t(fun() -> float(?MODULE:id("1.0")) end),
     t(fun() -> round(?MODULE:id(a)) end)].

make_tuple_err() -> erlang:make_tuple(?MODULE:id(-1), x).
