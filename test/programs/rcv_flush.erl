%% Flushing specific messages while keeping others; mailbox contents checked afterwards.
-module(rcv_flush).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! {junk, I} || I <- lists:seq(1, 50)],
    [Self ! {keep, I} || I <- lists:seq(1, 5)],
    [Self ! {junk, I} || I <- lists:seq(51, 100)],
    Flushed = flush_junk(0),
    Kept = drain(),
    {message_queue_len, Len} = process_info(self(), message_queue_len),
    {Flushed, Kept, Len}.

flush_junk(N) -> receive {junk, _} -> flush_junk(N + 1) after 0 -> N end.

drain() -> receive M -> [M | drain()] after 0 -> [] end.
