%% sets (both the classic and the map-based version 2): results are sorted before being
%% returned, since the element order inside a set is unspecified.
-module(std_sets).
-export([main/0]).

main() ->
    [run(sets:new()), run(sets:new([{version, 2}]))].

run(Empty) ->
    S = lists:foldl(fun sets:add_element/2, Empty, [5, 1, 3, 1, 9, {t}, "s"]),
    T = sets:from_list([3, 4, 5, 6]),
    Sorted = fun(X) -> lists:sort(sets:to_list(X)) end,
    {Sorted(S), sets:size(S), sets:is_element(3, S), sets:is_element(7, S),
     Sorted(sets:union(S, T)), Sorted(sets:intersection(S, T)), Sorted(sets:subtract(S, T)),
     Sorted(sets:del_element(5, S)), sets:is_subset(sets:from_list([1, 3]), S),
     sets:is_disjoint(S, sets:from_list([100])), sets:fold(fun(X, A) when is_integer(X) -> X + A;
                                                                (_, A) -> A end, 0, S),
     Sorted(sets:filter(fun is_integer/1, S)), sets:is_set(S), sets:is_empty(Empty),
     sets:size(sets:from_list(lists:seq(1, 1000))),
     Sorted(sets:union([sets:from_list([a]), sets:from_list([b]), sets:from_list([a, c])]))}.
