%% Exit reasons of any size and shape travel intact through monitors and links.
-module(proc_exit_reasons_big).
-export([main/0]).

main() ->
    Reasons = [{shutdown, lists:seq(1, 1000)}, #{map => reason, n => 1 bsl 100},
               <<0:8000>>, {nested, {deeply, [{x, 1.5}]}}, "string reason"],
    [begin
         {Pid, Ref} = spawn_monitor(fun() -> exit(R) end),
         receive {'DOWN', Ref, process, Pid, Got} -> Got =:= R end
     end || R <- Reasons].
