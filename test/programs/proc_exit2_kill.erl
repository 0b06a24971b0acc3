%% exit(Pid, kill) is untrappable; monitors and links report the reason 'killed'.
-module(proc_exit2_kill).
-export([main/0]).

main() ->
    Self = self(),
    Trapper = spawn(fun() -> process_flag(trap_exit, true), Self ! ready, loop() end),
    receive ready -> ok end,
    Ref = monitor(process, Trapper),
    exit(Trapper, some_reason),
    Trapper ! {report, Self},
    A = receive {got, M} -> M end,
    exit(Trapper, kill),
    B = receive {'DOWN', Ref, process, Trapper, R} -> R end,
    process_flag(trap_exit, true),
    Linked = spawn_link(fun() -> receive never -> ok end end),
    exit(Linked, kill),
    C = receive {'EXIT', Linked, R2} -> R2 end,
    process_flag(trap_exit, false),
    {A, B, C, is_process_alive(Trapper)}.

loop() ->
    receive
        {report, To} -> receive {'EXIT', _, Why} -> To ! {got, {trapped, Why}} end, loop()
    end.
