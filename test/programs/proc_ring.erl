%% A ring of 1,000 processes passing a token around 10 times.
-module(proc_ring).
-export([main/0]).

main() ->
    N = 1000, Rounds = 10,
    Self = self(),
    First = spawn(fun() -> first(Self) end),
    Last = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, First,
                       lists:seq(1, N - 1)),
    First ! {last, Last},
    First ! {token, 0, Rounds},
    receive {finished, Hops} -> {N, Rounds, Hops} end.

first(Parent) ->
    receive {last, Last} -> first_loop(Parent, Last) end.

first_loop(Parent, Last) ->
    receive
        {token, Hops, 0} -> Parent ! {finished, Hops}, Last ! stop;
        {token, Hops, R} -> Last ! {token, Hops + 1, R - 1}, first_loop(Parent, Last)
    end.

relay(Next) ->
    receive
        {token, Hops, R} -> Next ! {token, Hops + 1, R}, relay(Next);
        stop -> Next ! stop
    end.
