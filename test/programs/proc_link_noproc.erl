%% Linking to a dead process: a trapping caller gets {'EXIT', Pid, noproc}; a non-trapping
%% caller is killed with reason noproc.
-module(proc_link_noproc).
-export([main/0]).

main() ->
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    process_flag(trap_exit, true),
    A = link(Dead),
    B = receive {'EXIT', Dead, R} -> {exit_msg, R} after 1000 -> none end,
    process_flag(trap_exit, false),
    {Pid, Ref2} = spawn_monitor(fun() -> link(Dead), receive after 1000 -> survived end end),
    C = receive {'DOWN', Ref2, process, Pid, R2} -> strip(R2) end,
    {A, B, C}.

strip({Reason, [{_, _, _, _} | _]}) -> {Reason, stack};
strip(Reason) -> Reason.
