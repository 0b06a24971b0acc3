%% A ring of N processes passing a token M times around: the README's demo.
-module(ring).
-export([main/0, start/2]).

main() ->
    start(5, 3).

start(N, M) ->
    Self = self(),
    First = spawn_ring(N, Self),
    First ! {token, N * M, 0},
    receive
        {done, Hops} ->
            io:format("token made ~w hops around a ring of ~w processes~n", [Hops, N]),
            Hops
    after 5000 ->
        timeout
    end.

spawn_ring(N, Main) ->
    Pids = [spawn(fun() -> wait_next(Main) end) || _ <- lists:seq(1, N)],
    [First | _] = Pids,
    Next = tl(Pids) ++ [First],
    [P ! {next, Q} || {P, Q} <- lists:zip(Pids, Next)],
    First.

wait_next(Main) ->
    receive
        {next, Next} -> relay(Next, Main)
    end.

relay(Next, Main) ->
    receive
        {token, 0, Hops} ->
            Main ! {done, Hops},
            relay(Next, Main);
        {token, K, Hops} ->
            Next ! {token, K - 1, Hops + 1},
            relay(Next, Main)
    after 1000 ->
        ok
    end.
