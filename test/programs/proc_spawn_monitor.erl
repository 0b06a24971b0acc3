%% spawn_monitor and 'DOWN' messages for normal, error, exit and kill terminations.
-module(proc_spawn_monitor).
-export([main/0]).

main() ->
    Cases = [fun() -> ok end, fun() -> error(bad) end, fun() -> exit(why) end,
             fun() -> receive never -> ok end end, fun() -> exit(self(), kill) end],
    [begin
         {Pid, Ref} = spawn_monitor(F),
         is_function(F, 0) andalso (N =:= 4) andalso exit(Pid, die_now),
         receive {'DOWN', Ref, process, Pid2, Reason} when Pid2 =:= Pid -> {N, strip(Reason)} end
     end || {N, F} <- lists:zip(lists:seq(1, length(Cases)), Cases)].

strip({Reason, [{_, _, _, _} | _]}) -> {Reason, stack};
strip(Reason) -> Reason.
