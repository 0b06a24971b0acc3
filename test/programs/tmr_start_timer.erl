%% erlang:start_timer delivers {timeout, Ref, Msg}; mixed with send_after, deadline order holds.
-module(tmr_start_timer).
-export([main/0]).

main() ->
    Self = self(),
    R1 = erlang:start_timer(300, Self, slow),
    R2 = erlang:start_timer(100, Self, fast),
    _ = erlang:send_after(200, Self, middle),
    Msgs = [receive
                {timeout, R, M} when R =:= R1; R =:= R2 -> {timeout, ref_ok(R, R1, R2), M};
                middle -> middle
            end || _ <- [1, 2, 3]],
    %% read_timer on a pending timer gives the time left; on a fired one, false.
    R3 = erlang:start_timer(10000, Self, pending),
    Read = erlang:read_timer(R3),
    erlang:cancel_timer(R3),
    R4 = erlang:start_timer(10, Self, read_me),
    Fired = receive {timeout, R4, read_me} -> fired end,
    AfterFire = erlang:read_timer(R4),
    {Msgs, is_integer(Read), Fired, AfterFire}.

ref_ok(R, R1, _) when R =:= R1 -> r1;
ref_ok(_, _, _) -> r2.
