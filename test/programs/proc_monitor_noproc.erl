%% Monitoring a dead process delivers 'DOWN' with noproc at once; demonitor and flush.
-module(proc_monitor_noproc).
-export([main/0]).

main() ->
    {Dead, R0} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R0, process, Dead, normal} -> ok end,
    Ref = monitor(process, Dead),
    A = receive {'DOWN', Ref, process, Dead, Reason} -> Reason after 1000 -> no_down end,
    %% Monitoring an unregistered name gives noproc with {Name, Node} as the item.
    Ref2 = monitor(process, no_such_registered_name),
    B = receive {'DOWN', Ref2, process, Item, R2} -> {Item =:= {no_such_registered_name, node()}, R2}
        after 1000 -> no_down end,
    Ref3 = monitor(process, Dead),
    C = demonitor(Ref3, [flush]),
    D = receive {'DOWN', Ref3, _, _, _} -> not_flushed after 0 -> flushed end,
    Live = spawn(fun() -> receive stop -> ok end end),
    Ref4 = monitor(process, Live),
    E = demonitor(Ref4),
    F = demonitor(Ref4, [info]),
    Live ! stop,
    G = receive {'DOWN', Ref4, _, _, _} -> got_down after 50 -> no_down_after_demonitor end,
    {A, B, C, D, E, F, G}.
