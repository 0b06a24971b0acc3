%% `after N` timeouts: a message sent later than the timeout is left in the mailbox.
-module(rcv_after_n).
-export([main/0]).

main() ->
    Self = self(),
    T1 = receive never -> no after 20 -> timed_out end,
    spawn(fun() -> Self ! {early, 1} end),
    T2 = receive {early, N} -> {received, N} after 5000 -> timed_out end,
    spawn(fun() -> receive go -> Self ! late end end) ! go,
    T3 = receive late -> got_late after 5000 -> timed_out end,
    %% The sender only sends after being told to, which happens after our timeout.
    Pid = spawn(fun() -> receive go -> Self ! too_late end end),
    T4 = receive too_late -> early_surprise after 10 -> timed_out end,
    Pid ! go,
    T5 = receive too_late -> eventually after 5000 -> never end,
    {T1, T2, T3, T4, T5}.
