%% Timers addressed to a registered name, and to a process that dies before expiry.
-module(tmr_to_name).
-export([main/0]).

main() ->
    Self = self(),
    Pid = spawn(fun() -> receive M -> Self ! {forwarded, M} end, receive stop -> ok end end),
    register(corpus_timer_target, Pid),
    erlang:send_after(10, corpus_timer_target, by_name),
    A = receive {forwarded, M} -> M end,
    unregister(corpus_timer_target),
    Pid ! stop,
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    T = erlang:send_after(10, Dead, lost),
    B = is_reference(T),
    C = erlang:send_after(10, corpus_no_such_name, lost) =/= ok,
    receive after 150 -> ok end,
    {A, B, C, erlang:cancel_timer(T)}.
