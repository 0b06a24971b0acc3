%% Messages sent to self arrive in order; `!` returns the message; erlang:send/2,3.
-module(proc_self_send).
-export([main/0]).

main() ->
    Self = self(),
    A = (Self ! one),
    B = Self ! Self ! chained,
    C = erlang:send(Self, three),
    D = erlang:send(Self, four, []),
    [Self ! {n, N} || N <- lists:seq(1, 5)],
    {A, B, C, D, drain()}.

drain() -> receive M -> [M | drain()] after 0 -> [] end.
