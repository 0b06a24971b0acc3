%% exit(Pid, normal) has no effect on a process that does not trap exits.
-module(proc_exit2_normal).
-export([main/0]).

main() ->
    Self = self(),
    Pid = spawn(fun() -> receive ping -> Self ! {pong, self()} end end),
    Ref = monitor(process, Pid),
    exit(Pid, normal),
    Pid ! ping,
    A = receive {pong, Pid} -> survived after 2000 -> no_pong end,
    B = receive {'DOWN', Ref, process, Pid, R} -> {down, R} end,
    {A, B}.
