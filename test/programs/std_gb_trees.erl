%% gb_trees: insert/lookup/update/delete, ordered traversal, smallest/largest, iterators.
-module(std_gb_trees).
-export([main/0]).

main() ->
    T = lists:foldl(fun(K, Acc) -> gb_trees:insert(K, K * K, Acc) end, gb_trees:empty(),
                    [50, 20, 80, 10, 30, 70, 90, 25]),
    T2 = gb_trees:update(30, thirty, T),
    T3 = gb_trees:delete(50, T2),
    T4 = gb_trees:enter(55, new, gb_trees:enter(10, replaced, T3)),
    Big = lists:foldl(fun(K, Acc) -> gb_trees:enter(K, K, Acc) end, gb_trees:empty(),
                      lists:seq(1, 10000)),
    {gb_trees:to_list(T), gb_trees:lookup(30, T2), gb_trees:lookup(99, T), gb_trees:get(80, T),
     gb_trees:keys(T4), gb_trees:values(T4), gb_trees:size(T4), gb_trees:smallest(T4),
     gb_trees:largest(T4), gb_trees:is_defined(50, T3), gb_trees:take_smallest(T4) =/= x,
     iter(gb_trees:next(gb_trees:iterator_from(60, T4))), gb_trees:size(Big),
     gb_trees:get(7777, Big), gb_trees:to_list(gb_trees:balance(T3)) =:= gb_trees:to_list(T3),
     gb_trees:to_list(gb_trees:map(fun(_, V) -> {v, V} end, gb_trees:from_orddict([{1, a}, {2, b}]))),
     try gb_trees:insert(50, dup, T) catch C:R -> {C, element(1, R)} end}.

iter(none) -> [];
iter({K, V, I}) -> [{K, V} | iter(gb_trees:next(I))].
