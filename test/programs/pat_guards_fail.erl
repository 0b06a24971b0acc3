%% An exception inside a guard makes the guard fail silently (no exception escapes).
-module(pat_guards_fail).
-export([main/0]).

main() ->
    Inputs = [[], [a], {}, foo, 0, <<>>, #{}, [a | b], 1.0],
    [{I, t(I)} || I <- Inputs].

t(X) when hd(X) =:= a -> head_a;
t(X) when element(1, X) =:= x -> elem;
t(X) when length(X) >= 0 -> proper_list;
t(X) when 10 div X > 0 -> divided;
t(X) when map_get(k, X) =:= 1 -> has_k;
t(X) when X + 1 > 0; is_atom(X) -> semicolon_rescue;
t(X) when byte_size(X) >= 0 -> binary;
t(X) when tl(X) =:= b -> improper;
t(_) -> fallthrough.
