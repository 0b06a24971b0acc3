%% Records in function heads with many clauses, plus records inside maps and lists.
-module(rec_state_machine).
-export([main/0]).

-record(state, {phase = idle, n = 0, log = []}).

main() ->
    Events = [start, tick, tick, pause, tick, resume, tick, stop, tick],
    Final = lists:foldl(fun step/2, #state{}, Events),
    Map = #{st => Final, list => [#state{}, Final#state{phase = x}]},
    #{st := #state{phase = P, n = N}} = Map,
    {Final, P, N, lists:reverse(Final#state.log), maps:get(list, Map)}.

step(start, #state{phase = idle} = S) -> log(S#state{phase = running}, started);
step(tick, #state{phase = running, n = N} = S) -> S#state{n = N + 1};
step(pause, #state{phase = running} = S) -> log(S#state{phase = paused}, paused);
step(resume, #state{phase = paused} = S) -> log(S#state{phase = running}, resumed);
step(stop, S) -> log(S#state{phase = stopped}, stopped);
step(Ev, #state{} = S) -> log(S, {ignored, Ev}).

log(#state{log = L} = S, E) -> S#state{log = [E | L]}.
