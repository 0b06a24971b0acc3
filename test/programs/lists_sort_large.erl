%% Sorting 100,000 pseudo-random integers (from a linear congruential generator) and
%% checking the results against several independent properties.
-module(lists_sort_large).
-export([main/0]).

main() ->
    L = lcg(100000, 12345, []),
    S = lists:sort(L),
    U = lists:usort(L),
    Tuples = [{X rem 100, X} || X <- lists:sublist(L, 20000)],
    KS = lists:keysort(1, Tuples),
    {length(S), hd(S), lists:last(S), sorted(S), length(U), lists:sum(L) =:= lists:sum(S),
     lists:sublist(S, 5), sorted([K || {K, _} <- KS]), stable(Tuples, KS),
     lists:sort(fun(A, B) -> A >= B end, lists:sublist(L, 10))}.

lcg(0, _, Acc) -> Acc;
lcg(N, X, Acc) ->
    Next = (X * 1103515245 + 12345) rem 2147483648,
    lcg(N - 1, Next, [Next rem 1000000 | Acc]).

sorted([A, B | T]) when A =< B -> sorted([B | T]);
sorted([_, _ | _]) -> false;
sorted(_) -> true.

%% keysort is stable: equal keys keep their input order, visible through the positions.
stable(Input, Sorted) -> groups(Input) =:= groups(Sorted).

groups(Pairs) ->
    lists:foldl(fun({K, V}, M) -> maps:update_with(K, fun(L) -> [V | L] end, [V], M) end,
                #{}, Pairs).
