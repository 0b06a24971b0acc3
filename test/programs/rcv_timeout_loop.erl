%% A receive loop with a timeout that resets on each message (an idle detector).
-module(rcv_timeout_loop).
-export([main/0]).

main() ->
    Self = self(),
    %% The collector starts its idle timer only once every item is already queued.
    Collector = spawn(fun() -> receive start -> collect(Self, []) end end),
    [Collector ! {item, I} || I <- lists:seq(1, 10)],
    Collector ! start,
    receive {collected, Items} -> Items after 5000 -> timeout end.

collect(Parent, Acc) ->
    receive
        {item, I} -> collect(Parent, [I | Acc])
    after 50 ->
        Parent ! {collected, lists:reverse(Acc)}
    end.
