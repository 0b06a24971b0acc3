%% spawn_opt with link and monitor options, and spawn_link/spawn_monitor with MFA.
-module(proc_spawn_opt).
-export([main/0, worker/1]).

worker(Reason) -> exit(Reason).

main() ->
    process_flag(trap_exit, true),
    {Pid, Ref} = spawn_opt(fun() -> exit(opt_reason) end, [link, monitor]),
    A = receive {'DOWN', Ref, process, Pid, R} -> {down, R} end,
    B = receive {'EXIT', Pid, R2} -> {exit, R2} end,
    Pid2 = spawn_link(?MODULE, worker, [mfa_link]),
    C = receive {'EXIT', Pid2, R3} -> R3 end,
    {Pid3, Ref3} = spawn_monitor(?MODULE, worker, [mfa_monitor]),
    D = receive {'DOWN', Ref3, process, Pid3, R4} -> R4 end,
    process_flag(trap_exit, false),
    {A, B, C, D}.
