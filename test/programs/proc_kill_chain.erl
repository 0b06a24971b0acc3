%% A chain of linked, non-trapping processes: killing the last one takes down the whole
%% chain; the 'kill' reason is seen as 'killed' by linked processes.
-module(proc_kill_chain).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Self = self(),
    Head = spawn_link(fun() -> chain(5, Self) end),
    Members = [receive {member, N, P} -> P end || N <- lists:seq(5, 0, -1)],
    Refs = [monitor(process, P) || P <- Members],
    exit(lists:last(Members), kill),
    Downs = [receive {'DOWN', R, process, _, Why} -> Why end || R <- Refs],
    Top = receive {'EXIT', Head, Reason} -> Reason end,
    process_flag(trap_exit, false),
    {Downs, Top, [is_process_alive(P) || P <- Members]}.

%% Each member of the chain spawns the next one linked to itself.
chain(N, Parent) ->
    Parent ! {member, N, self()},
    if N > 0 -> spawn_link(fun() -> chain(N - 1, Parent) end); true -> last end,
    receive never -> ok end.
