%% is_process_alive before and after the process ends (synchronised by a monitor).
-module(proc_is_alive).
-export([main/0]).

main() ->
    Pid = spawn(fun() -> receive stop -> ok end end),
    A = is_process_alive(Pid),
    Ref = monitor(process, Pid),
    Pid ! stop,
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    B = is_process_alive(Pid),
    C = is_process_alive(self()),
    D = try is_process_alive(not_a_pid) catch E:R -> {E, R} end,
    {A, B, C, D}.
