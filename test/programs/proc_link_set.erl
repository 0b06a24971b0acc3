%% One crash in a set of linked processes takes down every non-trapping member; a
%% trapping supervisor-like process survives and sees every exit.
-module(proc_link_set).
-export([main/0]).

main() ->
    Self = self(),
    Sup = spawn(fun() -> supervisor(Self) end),
    Workers = receive {workers, Ws} -> Ws end,
    Refs = [monitor(process, W) || W <- Workers],
    lists:nth(3, Workers) ! crash,
    Downs = [receive {'DOWN', R, process, _, Why} -> strip(Why) end || R <- Refs],
    Sup ! {report, Self},
    Seen = receive {seen, S} -> S end,
    {Downs, lists:sort(Seen), is_process_alive(Sup)}.

%% The supervisor links to every worker; the workers are also linked in a ring.
supervisor(Parent) ->
    process_flag(trap_exit, true),
    Me = self(),
    Ws = [spawn_link(fun() -> worker(Me) end) || _ <- lists:seq(1, 5)],
    [W ! {link_to, Next} || {W, Next} <- lists:zip(Ws, tl(Ws) ++ [hd(Ws)])],
    [receive {linked, W} -> ok end || W <- Ws],
    Parent ! {workers, Ws},
    Exits = [receive {'EXIT', W, Why} -> {index(W, Ws), strip(Why)} end || W <- Ws],
    receive {report, To} -> To ! {seen, Exits} end,
    receive never -> ok end.

worker(Sup) ->
    receive {link_to, Next} -> link(Next), Sup ! {linked, self()} end,
    receive crash -> error(worker_crashed) end.

index(X, L) -> length(lists:takewhile(fun(Y) -> Y =/= X end, L)) + 1.

strip({Reason, [{_, _, _, _} | _]}) -> {Reason, stack};
strip(Reason) -> Reason.
