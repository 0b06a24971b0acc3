%% ordsets: set algebra on ordered lists.
-module(std_ordsets).
-export([main/0]).

main() ->
    A = ordsets:from_list([5, 1, 3, 1, 9]),
    B = ordsets:from_list([3, 4, 5, 6]),
    [A, B, ordsets:union(A, B), ordsets:intersection(A, B), ordsets:subtract(A, B),
     ordsets:is_element(3, A), ordsets:is_element(4, A), ordsets:add_element(2, A),
     ordsets:del_element(5, A), ordsets:is_subset([1, 3], A), ordsets:is_disjoint(A, [2, 4]),
     ordsets:size(A), ordsets:to_list(A), ordsets:union([A, B, [100]]),
     ordsets:intersection([A, B, [5]]), ordsets:filter(fun(X) -> X > 3 end, A),
     ordsets:fold(fun(X, Acc) -> X + Acc end, 0, A), ordsets:new(), ordsets:is_set([1, 2, 2]),
     ordsets:is_set([2, 1]), ordsets:is_set([1, 2])].
