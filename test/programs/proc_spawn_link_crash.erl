%% A trapping parent receives {'EXIT', Pid, Reason} for each way a linked child can die.
-module(proc_spawn_link_crash).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Deaths = [fun() -> error(boom) end, fun() -> exit(custom) end, fun() -> throw(up) end,
              fun() -> 1 = id(2) end, fun() -> exit({shutdown, reason}) end,
              fun() -> exit(normal) end, fun() -> done end],
    Results = [begin
                   Pid = spawn_link(F),
                   receive {'EXIT', Pid, Reason} -> strip(Reason) end
               end || F <- Deaths],
    process_flag(trap_exit, false),
    Results.

%% Error exits carry a stack trace, which differs in detail between implementations.
strip({Reason, [{_, _, _, _} | _]}) -> {Reason, stack};
strip(Reason) -> Reason.

id(X) -> X.
