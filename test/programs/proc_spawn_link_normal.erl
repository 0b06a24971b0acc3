%% A linked process that exits normally does not kill its partner; a trapping parent sees
%% {'EXIT', Pid, normal}.
-module(proc_spawn_link_normal).
-export([main/0]).

main() ->
    Self = self(),
    %% Non-trapping parent in its own process: survives the normal exit of its child.
    {Mid, MRef} = spawn_monitor(fun() ->
                                        Child = spawn_link(fun() -> ok end),
                                        Ref = monitor(process, Child),
                                        receive {'DOWN', Ref, _, _, R} -> Self ! {child_down, R} end,
                                        receive after 20 -> ok end,
                                        Self ! still_alive
                                end),
    A = receive {child_down, R1} -> R1 end,
    B = receive still_alive -> still_alive end,
    C = receive {'DOWN', MRef, process, Mid, R2} -> R2 end,
    process_flag(trap_exit, true),
    Pid = spawn_link(fun() -> ok end),
    D = receive {'EXIT', Pid, R3} -> {exit_msg, R3} end,
    process_flag(trap_exit, false),
    {A, B, C, D}.
