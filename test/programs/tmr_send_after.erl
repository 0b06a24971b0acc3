%% erlang:send_after: messages arrive in deadline order regardless of creation order.
-module(tmr_send_after).
-export([main/0]).

main() ->
    Self = self(),
    Refs = [erlang:send_after(T, Self, {timer, T}) || T <- [300, 100, 200, 0]],
    Msgs = [receive {timer, _} = M -> M end || _ <- Refs],
    {lists:all(fun is_reference/1, Refs), Msgs}.
