%% Remaining guard BIFs and operators: node/1, unary minus/plus, bnot, bsl/bsr, rem, float/1,
%% is_function/2 with a computed arity, is_record/2,3 and tuple_size on records.
-module(pat_guards_misc).
-export([main/0]).

-record(r, {a, b}).

main() ->
    Vals = [3, -3, 8, 1.5, self(), #r{a = 1}, fun(_, _) -> ok end, {r, 1, 2, 3}],
    [{label(V), g(V)} || V <- Vals].

label(V) when is_pid(V) -> pid;
label(V) when is_function(V) -> 'fun';
label(V) -> V.

g(P) when is_pid(P), node(P) =:= node() -> local_pid;
g(F) when is_function(F, 1 + 1) -> fun_arity_2;
g(R) when is_record(R, r), tuple_size(R) =:= 3 -> {record_r, R#r.a};
g(R) when is_record(R, r, 4) -> record_r_size_4;
g(X) when is_integer(X), -X =:= 3 -> negated;
g(X) when is_integer(X), bnot X =:= -4 -> bnot_three;
g(X) when is_integer(X), (X bsl 1) bsr 3 =:= 2 -> shifted;
g(X) when is_float(X), float(trunc(X)) + 0.5 == X, +X > 0 -> half;
g(X) when is_tuple(X), X rem 2 =:= 0 -> impossible;
g(_) -> other.
