%% unlink/1 removes the link: a later crash no longer reaches the former partner.
-module(proc_unlink).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Pid = spawn_link(fun() -> receive crash -> exit(crashed) end end),
    A = unlink(Pid),
    Ref = monitor(process, Pid),
    Pid ! crash,
    B = receive {'DOWN', Ref, process, Pid, R} -> R end,
    C = receive {'EXIT', Pid, _} -> got_exit after 50 -> no_exit end,
    D = unlink(Pid),
    Other = spawn(fun() -> receive go -> ok end end),
    E = link(Other),
    Other ! go,
    F = receive {'EXIT', Other, Why} -> {exit, Why} after 1000 -> none end,
    process_flag(trap_exit, false),
    {A, B, C, D, E, F}.
