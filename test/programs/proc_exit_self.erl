%% exit/1 vs exit(self(), Reason): normal and other reasons, trapping and not.
-module(proc_exit_self).
-export([main/0]).

main() ->
    Cases = [fun() -> exit(normal) end,
             fun() -> exit(self(), normal), after_normal_self_exit end,
             fun() -> exit(self(), custom), receive after 1000 -> not_killed end end,
             fun() -> process_flag(trap_exit, true), exit(self(), custom),
                      receive {'EXIT', _, W} -> exit({trapped, W}) end end,
             fun() -> process_flag(trap_exit, true), exit(self(), kill),
                      receive after 1000 -> not_killed end end],
    [begin
         {Pid, Ref} = spawn_monitor(F),
         receive {'DOWN', Ref, process, Pid, R} -> R end
     end || F <- Cases].
