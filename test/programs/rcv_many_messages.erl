%% A mailbox with 100,000 messages, consumed selectively from the back.
-module(rcv_many_messages).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! {msg, I} || I <- lists:seq(1, 100000)],
    Self ! marker,
    Marker = receive marker -> found_marker end,
    Sum = sum(0),
    {Marker, Sum}.

sum(Acc) -> receive {msg, I} -> sum(Acc + I) after 0 -> Acc end.
