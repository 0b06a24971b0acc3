%% os clocks and facts: timestamp/system_time/perf_counter units and consistency, type/0, version/0, getpid/0, set_signal/2.
-module(os_time).
-export([main/0, id/1]).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    {Mega, Sec, Micro} = os:timestamp(),
    S = os:system_time(second),
    Ms = os:system_time(millisecond),
    Native = os:system_time(),
    Consistent = [abs(Mega * 1000000 + Sec - S) =< 1, abs(Ms div 1000 - S) =< 1,
                  abs(Native div 1000000000 - S) =< 1,
                  is_integer(Micro) andalso Micro < 1000000,
                  abs(S - erlang:system_time(second)) =< 1],
    P0 = os:perf_counter(),
    Perf = [is_integer(P0), os:perf_counter() >= P0],
    {Family, Name} = os:type(),
    {A, B, C} = os:version(),
    Pid = os:getpid(),
    Facts = [is_atom(Family), is_atom(Name), is_integer(A + B + C),
             is_list(Pid) andalso Pid =/= [] andalso lists:all(fun(D) -> D >= $0 andalso D =< $9 end, Pid)],
    Signals = [os:set_signal(sigusr1, ignore), os:set_signal(sigusr1, default),
               c(fun() -> os:set_signal(?MODULE:id(sigfoo), ignore) end)],
    Errors = [c(fun() -> os:system_time(?MODULE:id(bogus)) end)],
    {Consistent, Perf, Facts, Signals, Errors}.
