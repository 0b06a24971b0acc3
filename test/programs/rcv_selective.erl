%% Selective receive: take messages out of order by pattern; the rest stay queued in order.
-module(rcv_selective).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! M || M <- [{low, 1}, {high, 1}, {low, 2}, other, {high, 2}, {low, 3}, {high, 3}]],
    Highs = [receive {high, N} -> N end || _ <- [1, 2, 3]],
    Second = receive other -> got_other end,
    Rest = drain(),
    {Highs, Second, Rest}.

drain() -> receive M -> [M | drain()] after 0 -> [] end.
