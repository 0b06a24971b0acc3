%% A receive with `after` whose wait is re-entered: messages that do not
%% match arrive while it waits (timer:sleep/1 with a trapped 'EXIT' and other
%% noise arriving, an `after` with a computed timeout), so the process wakes,
%% scans and waits again on the same timer.
-module(rcv_after_reentered).
-export([main/0]).

main() ->
    Self = self(),
    process_flag(trap_exit, true),
    spawn_link(fun() -> [begin timer:sleep(3), Self ! {noise, I} end || I <- lists:seq(1, 5)] end),
    ok = timer:sleep(60),
    T = length(atom_to_list(self_timeout)) * 5,
    spawn(fun() -> [begin timer:sleep(2), Self ! {more, I} end || I <- lists:seq(1, 4)] end),
    R = receive never_sent -> got after T -> timed_out end,
    Msgs = flush([]),
    {R, length([x || {noise, _} <- Msgs]), length([x || {more, _} <- Msgs]),
     [Reason || {'EXIT', _, Reason} <- Msgs]}.

flush(Acc) ->
    receive M -> flush([M | Acc]) after 0 -> lists:reverse(Acc) end.
