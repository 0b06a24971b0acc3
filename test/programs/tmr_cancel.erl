%% erlang:cancel_timer: cancelling before expiry prevents delivery and returns the time
%% left (an integer); cancelling an expired or unknown timer returns false.
-module(tmr_cancel).
-export([main/0]).

main() ->
    Self = self(),
    T1 = erlang:send_after(10000, Self, never_delivered),
    Left = erlang:cancel_timer(T1),
    T2 = erlang:send_after(0, Self, delivered),
    Got = receive delivered -> delivered end,
    Late = erlang:cancel_timer(T2),
    Again = erlang:cancel_timer(T1),
    Stale = receive never_delivered -> leaked after 100 -> none end,
    T3 = erlang:send_after(10000, Self, x),
    Async = erlang:cancel_timer(T3, [{async, false}, {info, true}]),
    T4 = erlang:send_after(10000, Self, y),
    NoInfo = erlang:cancel_timer(T4, [{info, false}]),
    {is_integer(Left) andalso Left > 0 andalso Left =< 10000, Got, Late, Again, Stale,
     is_integer(Async), NoInfo}.
