%% A receive with `after` whose wait is re-entered: messages that do not
%% match arrive while it waits (timer:sleep/1 while a linked process sends
%% noise and exits, under trap_exit; an `after` with a computed timeout that
%% a late matching message ends), so the process wakes, scans and waits again
%% on the same timer. Only what does not depend on timing is returned.
-module(rcv_after_reentered).
-export([main/0]).

main() ->
    Self = self(),
    process_flag(trap_exit, true),
    Noisy = spawn_link(fun() -> [begin timer:sleep(2), Self ! {noise, I} end || I <- lists:seq(1, 5)] end),
    Slept = timer:sleep(20),
    Exit = receive {'EXIT', Noisy, Why} -> Why end,
    T = length(atom_to_list(self_timeout)) * 500,
    spawn(fun() -> [begin timer:sleep(2), Self ! {more, I} end || I <- lists:seq(1, 4)], Self ! wanted end),
    R = receive wanted -> got_it after T -> timed_out end,
    T0 = erlang:monotonic_time(millisecond),
    spawn(fun() -> [Self ! {late, I} || I <- lists:seq(1, 3)], Self ! late_done end),
    R2 = receive never_sent -> got after 30 -> timed_out end,
    Waited = erlang:monotonic_time(millisecond) - T0 >= 30,
    receive late_done -> ok end,
    Msgs = flush([]),
    {Slept, Exit, R, R2, Waited, length([x || {noise, _} <- Msgs]), length([x || {more, _} <- Msgs]),
     length([x || {late, _} <- Msgs])}.

flush(Acc) ->
    receive M -> flush([M | Acc]) after 0 -> lists:reverse(Acc) end.
