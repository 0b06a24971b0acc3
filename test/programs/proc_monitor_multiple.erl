%% Several monitors on one process each get their own 'DOWN'; demonitor removes just one.
-module(proc_monitor_multiple).
-export([main/0]).

main() ->
    Pid = spawn(fun() -> receive stop -> exit(stopped) end end),
    R1 = monitor(process, Pid),
    R2 = monitor(process, Pid),
    R3 = monitor(process, Pid),
    true = demonitor(R2),
    Pid ! stop,
    A = receive {'DOWN', R1, process, Pid, W1} -> {r1, W1} end,
    B = receive {'DOWN', R3, process, Pid, W3} -> {r3, W3} end,
    C = receive {'DOWN', R2, process, Pid, _} -> r2_unexpected after 50 -> r2_none end,
    {A, B, C, R1 =/= R2, is_reference(R1)}.
