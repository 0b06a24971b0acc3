%% Non-local exit: throw from deep recursion and from inside lists:foreach/map callbacks.
-module(exc_deep_throw).
-export([main/0]).

main() ->
    Found = try search(lists:seq(1, 100000), 77777) catch throw:{found, N} -> {found, N} end,
    Deep = try dive(10000) catch throw:{bottom, D} -> D end,
    InMap = try lists:map(fun(5) -> throw(five); (X) -> X end, lists:seq(1, 10))
            catch throw:T -> T end,
    Cleanups = cleanup_chain(),
    {Found, Deep, InMap, Cleanups}.

search([], _) -> not_found;
search([X | _], X) -> throw({found, X});
search([_ | T], X) -> search(T, X).

dive(0) -> throw({bottom, reached});
dive(N) -> 1 + dive(N - 1).

cleanup_chain() ->
    S = self(),
    catch lists:foreach(fun(I) -> try (I =:= 3) andalso throw(stop) after S ! {cleanup, I} end end,
                        [1, 2, 3, 4]),
    receive_all().

receive_all() -> receive M -> [M | receive_all()] after 0 -> [] end.
