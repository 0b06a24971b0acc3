%% apply/2 and apply/3 with funs, atoms and computed module/function names.
-module(fun_apply).
-export([main/0, add/2, id/1]).

add(A, B) -> A + B.
id(X) -> X.

main() ->
    Mod = ?MODULE:id(lists), Fun = ?MODULE:id(max),
    [apply(fun(X, Y) -> X * Y end, [6, 7]),
     apply(?MODULE, add, [1, 2]),
     apply(Mod, Fun, [[3, 9, 2]]),
     apply(erlang, list_to_atom, ["made"]),
     apply(fun erlang:'+'/2, [1, 2]),
     erlang:apply(lists, seq, [1, 3]),
     apply(list_to_atom("lists"), list_to_atom("reverse"), [[a, b]]),
     apply(fun() -> zero_args end, []),
     try apply(?MODULE, add, [1]) catch C:R -> {C, R} end,
     try apply(?MODULE, nope, []) catch C2:R2 -> {C2, R2} end,
     try apply(?MODULE:id(no_such_module_xyz), f, [1]) catch C3:R3 -> {C3, R3} end,
     try apply(?MODULE:id(42), []) catch C4:R4 -> {C4, R4} end].
