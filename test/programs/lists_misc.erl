%% Assorted lists functions.
-module(lists_misc).
-export([main/0]).

main() ->
    L = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3],
    [lists:nth(3, L), lists:nthtail(7, L), lists:last(L), lists:sublist(L, 4), lists:sublist(L, 3, 4),
     lists:split(4, L), lists:splitwith(fun(X) -> X < 5 end, L), lists:dropwhile(fun(X) -> X < 5 end, L),
     lists:takewhile(fun(X) -> X < 5 end, L), lists:flatten([1, [2, [3, [4]], []], 5]),
     lists:flatten([a, [b]], [c]), lists:append([[1], [2, 3], []]), lists:append("ab", "cd"),
     lists:subtract(L, [1, 5, 5, 7]), lists:duplicate(3, x), lists:max(L), lists:min(L), lists:sum(L),
     lists:member(9, L), lists:delete(1, L), lists:reverse(L, [tail]), lists:prefix([3, 1], L),
     lists:suffix([5, 3], L), lists:uniq(L), lists:uniq(fun(X) -> X rem 3 end, L),
     lists:join(x, [a, b, c]), lists:droplast(L), lists:concat([a, 1, "s"]),
     lists:all(fun erlang:is_integer/1, L), lists:any(fun(X) -> X > 8 end, L), lists:search(fun(X) -> X > 4 end, L),
     lists:splitwith(fun is_atom/1, [a, b, 1, c]), lists:foldl(fun max/2, 0, L), lists:seq(1, 0),
     lists:mapfoldl(fun(X, A) -> {X, A + 1} end, 0, []), lists:flatlength([1, [2, [3]]]),
     lists:keyfind(a, 1, []), lists:sort([]), length(L)].
