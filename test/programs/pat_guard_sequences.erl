%% Guard sequences: ';' alternatives where an earlier alternative raises, ',' conjunctions,
%% and the boolean operators and/or/xor/not (which evaluate both sides).
-module(pat_guard_sequences).
-export([main/0]).

main() ->
    [{X, f(X), b(X)} || X <- [1, 2, 3, 4, 5, a, "s", 2.0, [], {x}]].

f(X) when element(1, X) =:= x; X =:= 2 -> first;
f(X) when is_integer(X), X > 3; is_atom(X), X =/= b -> second;
f(X) when is_list(X), X =/= [] ; is_float(X) -> third;
f(_) -> none.

b(X) when is_integer(X) and (X > 2) -> int_gt2;
b(X) when is_integer(X) xor is_float(X) -> num_xor;
b(X) when (X =:= a) or (hd(X) =:= $s) -> a_or_s;
b(X) when not is_tuple(X) -> not_tuple;
b(_) -> tuple.
