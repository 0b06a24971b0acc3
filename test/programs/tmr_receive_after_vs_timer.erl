%% A timer message and a receive timeout racing with a wide margin: the earlier one wins.
-module(tmr_receive_after_vs_timer).
-export([main/0]).

main() ->
    Self = self(),
    erlang:send_after(10, Self, timer_msg),
    A = receive timer_msg -> timer_first after 2000 -> timeout_first end,
    erlang:send_after(500, Self, late_timer),
    B = receive late_timer -> timer_first after 10 -> timeout_first end,
    C = receive late_timer -> eventually_arrives after 5000 -> lost end,
    {A, B, C}.
