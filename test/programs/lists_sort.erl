%% lists:sort/1,2, usort, merge, keysort stability, and sorting with custom orderings.
-module(lists_sort).
-export([main/0]).

main() ->
    L = [5, 3, 9, 1, 5, 7, 3, 0, -2, 8],
    Recs = [{b, 2}, {a, 2}, {c, 1}, {a, 1}, {b, 1}],
    {lists:sort(L), lists:usort(L), lists:sort(fun(A, B) -> A > B end, L),
     lists:usort(fun(A, B) -> A rem 3 =< B rem 3 end, L), lists:reverse(lists:sort(L)),
     lists:keysort(2, Recs), lists:keysort(1, Recs), lists:ukeysort(1, Recs),
     lists:merge([1, 4, 7], [2, 3, 8]), lists:merge([[1, 5], [2, 6], [0, 9]]),
     lists:umerge([1, 2, 3], [2, 3, 4]), lists:merge3([1], [3], [2]),
     lists:sort([{1, b}, {1, a}, {0, z}]), lists:sort(lists:seq(1000, 1, -1)) =:= lists:seq(1, 1000),
     lists:sort(fun({_, X}, {_, Y}) -> X =< Y end, Recs)}.
