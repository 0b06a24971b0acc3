%% exit(Pid, Reason) with any other reason kills a non-trapping process with that reason.
-module(proc_exit2_other).
-export([main/0]).

main() ->
    Reasons = [shutdown, {shutdown, detail}, some_atom, {tuple, [1, 2]}, <<"binary reason">>, 42],
    [begin
         Pid = spawn(fun() -> receive never -> ok end end),
         Ref = monitor(process, Pid),
         exit(Pid, R),
         receive {'DOWN', Ref, process, Pid, Got} -> {R =:= Got, Got} end
     end || R <- Reasons].
