%% The key-tuple list functions of the lists module.
-module(lists_keys).
-export([main/0]).

main() ->
    L = [{a, 1}, {b, 2}, {c, 3}, {b, 4}],
    [lists:keyfind(b, 1, L), lists:keyfind(z, 1, L), lists:keyfind(3, 2, L),
     lists:keymember(c, 1, L), lists:keymember(9, 2, L), lists:keydelete(b, 1, L),
     lists:keyreplace(b, 1, L, {b, new}), lists:keyreplace(z, 1, L, {z, 0}),
     lists:keystore(z, 1, L, {z, 26}), lists:keystore(a, 1, L, {a, first}),
     lists:keytake(b, 1, L), lists:keytake(q, 1, L), lists:keymap(fun(X) -> X * 10 end, 2, L),
     lists:keysearch(c, 1, L), proplists:get_value(b, L), lists:keyfind(1.0, 2, L),
     lists:keyfind(x, 1, [{x}, x, {x, y}]), lists:keymerge(1, [{a, 1}, {c, 3}], [{b, 2}])].
