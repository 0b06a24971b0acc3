%% Differential fixture: the less common instructions (type tests, records,
%% raw_raise, floats, utf skips, on_load, old make_fun2...).
-module(cg_misc).
-export([t_type_tests/0, t_comparisons/0, t_badrecord/0, t_set_tuple/0, t_get_hd/0, t_raw_raise/0,
         t_fnegate/0, t_utf_skip/0, t_on_load/0, t_catch_values/0, t_tuple_arity/0, t_map_fields/0,
         t_fun_tag/0, t_apply_fun/0, t_deep_catch/0, t_string_bin/0, t_list_ops/0, t_stacktrace_top/0,
         t_closures_env/0, t_receive_marker/0, t_bigcase/0,
         t_bif_frame/0, t_is_ne/0, t_nif_stub/0]).
-nifs([nif_stub/1]).
-on_load(init/0).
-record(big, {a, b, c, d, e, f, g}).

id(X) -> X.
init() -> put(cg_misc_loaded, true), ok.

t_type_tests() -> [types(X) || X <- [true, 1, 1.0, a, self(), make_ref(), fun id/1, [], [1], {}, #{}, <<>>]].
types(X) when is_boolean(X) -> boolean;
types(X) when is_number(X), not is_integer(X) -> float;
types(X) when is_number(X) -> number;
types(X) when is_pid(X) -> pid;
types(X) when is_port(X) -> port;
types(X) when is_reference(X) -> ref;
types(X) when is_function(X) -> function;
types(X) when is_list(X), X =/= [] -> list;
types(X) when is_list(X) -> nil;
types(X) when is_atom(X) -> atom;
types(_) -> other.
t_comparisons() -> [cmp(X, Y) || X <- [1, 1.0, 2, a], Y <- [1, 2.0, b]].
cmp(X, Y) when X == Y -> eq;
cmp(X, Y) when X /= Y, X >= Y -> ge;
cmp(X, Y) when X =/= Y -> ne.
t_badrecord() -> R = id(not_a_record), try R#big.a catch error:E -> E end.
t_set_tuple() -> R = id(#big{}), R2 = R#big{a = 1, c = 3, g = 7}, [R2, R2#big{b = 2}].
t_get_hd() -> [H | _] = id([first, second]), H.
t_raw_raise() -> try try error(x) catch C:R:S -> erlang:raise(C, {wrapped, R}, S) end catch error:E -> E end.
t_fnegate() -> X = id(2.5), Y = -(X * 2.0), [Y, -X + 1.0].
t_utf_skip() -> <<_/utf16, _/utf32, R/binary>> = id(<<16#1F600/utf16, 65/utf32, "rest">>), R.
t_on_load() -> get(cg_misc_loaded).
t_catch_values() -> [catch throw(1), catch exit(2), catch 3, element(1, catch error(4))].
t_tuple_arity() -> [arity_of(T) || T <- [{}, {a}, {a, b}, {a, b, c}, {a, b, c, d}]].
arity_of({}) -> zero; arity_of({_}) -> one; arity_of({_, _}) -> two; arity_of({_, _, _}) -> three; arity_of(_) -> many.
t_map_fields() -> [case M of #{a := _, b := _} -> both; #{a := _} -> a_only; _ -> neither end
  || M <- [#{a => 1, b => 2}, #{a => 1}, #{b => 2}]].
t_fun_tag() -> F = fun(X, Y) -> {X, Y} end, [F(1, 2), (id(F))(3, 4)].
t_apply_fun() -> [apply(fun(A, B, C) -> A + B + C end, [1, 2, 3]), apply(fun erlang:'+'/2, [1, 2])].
t_deep_catch() -> catch_deep(3).
catch_deep(0) -> throw(bottom);
catch_deep(N) -> try catch_deep(N - 1) catch throw:X -> {N, X} end.
t_string_bin() -> [<<"héllo"/utf8>>, <<"abc">>, "é", [$a | "b"], atom_to_binary(hello, utf8)].
t_list_ops() -> [[1, 2] ++ [3], [1, 2, 3, 2] -- [2], lists:flatten([1, [2, [3]]]), lists:keyfind(b, 1, [{a, 1}, {b, 2}])].
t_stacktrace_top() -> try id(1) + id(a) catch error:badarith:S -> hd(S) end.
t_closures_env() -> A = id(1), B = id(2), C = id(3), D = id(4), F = fun(X) -> [A, B, C, D, X] end, F(5).
t_receive_marker() -> Ref = make_ref(), self() ! {Ref, reply}, receive {Ref, R} -> R after 100 -> none end.
t_bigcase() -> [big(X) || X <- lists:seq(0, 80, 7)].
big(0) -> a0; big(7) -> a7; big(14) -> a14; big(21) -> a21; big(28) -> a28; big(35) -> a35;
big(42) -> a42; big(49) -> a49; big(56) -> a56; big(63) -> a63; big(70) -> a70; big(77) -> a77; big(_) -> none.
%% A BIF failing in a body: BEAM's top frame is the BIF with its arguments.
t_bif_frame() -> try atom_to_list(id(1)) catch error:R:S -> {R, setelement(4, hd(S), loc)} end.
t_is_ne() -> [case X of _ when X /= 1 -> ne; _ -> eq end || X <- [1, 1.0, 2, a]].
%% A -nifs() function whose library is not loaded runs its Erlang body.
nif_stub(_) -> erlang:nif_error(not_loaded).
t_nif_stub() -> try nif_stub(id(1)) catch error:E -> E end.
