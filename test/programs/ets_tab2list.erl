%% tab2list/1, delete_all_objects/1, insert of lists (atomic on a bad element), insert_new/2.
-module(ets_tab2list).
-export([main/0]).

main() ->
    [run(Type) || Type <- [set, ordered_set, bag, duplicate_bag]].

run(Type) ->
    T = ets:new(t, [Type]),
    true = ets:insert(T, [{b, 2}, {a, 1}, {c, 3}, {a, 1}, {a, 4}]),
    L1 = sort(Type, ets:tab2list(T)),
    Bad = catch_it(fun() -> ets:insert(T, [{z, 1}, not_a_tuple]) end),
    Bad2 = catch_it(fun() -> ets:insert(T, [{y, 1} | improper]) end),
    Bad3 = catch_it(fun() -> ets:insert(T, {}) end),
    L2 = sort(Type, ets:tab2list(T)),
    New = [ets:insert_new(T, {a, 9}), ets:insert_new(T, [{d, 1}, {a, 2}]), ets:insert_new(T, [{d, 1}, {e, 2}])],
    L3 = sort(Type, ets:tab2list(T)),
    true = ets:delete_all_objects(T),
    Empty = {ets:tab2list(T), ets:info(T, size), ets:first(T)},
    ets:insert(T, []),
    ets:delete(T),
    {Type, L1, Bad, Bad2, Bad3, L2, New, L3, Empty}.

sort(ordered_set, L) -> L;
sort(_, L) -> lists:sort(L).

catch_it(F) -> try F() catch C:R -> {C, R} end.
