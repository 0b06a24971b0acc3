%% Per-pair ordering through a relay: A sends to R and R forwards to us; A's own
%% messages keep their order, and so do R's.
-module(proc_pair_order).
-export([main/0]).

main() ->
    Self = self(),
    Relay = spawn(fun() -> relay(Self) end),
    Producer = spawn(fun() -> [Relay ! {via_relay, I} || I <- lists:seq(1, 50)],
                               [Self ! {direct, I} || I <- lists:seq(1, 50)] end),
    Msgs = [receive M -> M end || _ <- lists:seq(1, 100)],
    Relay ! stop,
    {is_pid(Producer),
     [I || {via_relay, I} <- Msgs] =:= lists:seq(1, 50),
     [I || {direct, I} <- Msgs] =:= lists:seq(1, 50)}.

relay(To) ->
    receive
        stop -> ok;
        M -> To ! M, relay(To)
    end.
