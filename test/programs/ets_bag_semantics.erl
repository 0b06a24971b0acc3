%% bag vs duplicate_bag: duplicates, insertion order within a key, delete_object, take, lookup_element.
-module(ets_bag_semantics).
-export([main/0]).

main() ->
    [run(Type) || Type <- [bag, duplicate_bag]].

run(Type) ->
    T = ets:new(b, [Type]),
    [ets:insert(T, O) || O <- [{k, 3}, {k, 1}, {k, 2}, {k, 1}, {k, 1.0}, {j, 1}]],
    L1 = ets:lookup(T, k),
    ets:insert(T, [{m, 2}, {m, 1}, {m, 2}, {m, 3}]),
    L2 = ets:lookup(T, m),
    E = ets:lookup_element(T, k, 2),
    ets:delete_object(T, {k, 1}),
    L3 = ets:lookup(T, k),
    S = ets:info(T, size),
    Take = ets:take(T, m),
    L4 = ets:lookup(T, m),
    New = {ets:insert_new(T, {k, 9}), ets:insert_new(T, {n, 9}), ets:lookup(T, n)},
    Err = [catch_it(fun() -> ets:lookup_element(T, k, 3) end),
           catch_it(fun() -> ets:lookup_element(T, none, 1) end),
           catch_it(fun() -> ets:update_element(T, k, {2, x}) end)],
    Objs = lists:sort(ets:match_object(T, {k, '_'})),
    ets:delete(T),
    {Type, L1, L2, E, L3, S, Take, L4, New, Err, Objs}.

catch_it(F) -> try F() catch C:R -> {C, R} end.
