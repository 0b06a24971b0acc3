%% The make_ref request/reply idiom: the reply is matched on a fresh reference.
-module(rcv_ref_pattern).
-export([main/0]).

main() ->
    Server = spawn(fun server/0),
    Self = self(),
    Self ! {stale, reply},
    Results = [call(Server, Req) || Req <- [{add, 1, 2}, {mul, 3, 4}, bogus]],
    Server ! stop,
    {Results, drain()}.

call(Server, Req) ->
    Ref = make_ref(),
    Server ! {self(), Ref, Req},
    receive {Ref, Reply} -> Reply after 5000 -> timeout end.

server() ->
    receive
        {From, Ref, {add, A, B}} -> From ! {Ref, A + B}, server();
        {From, Ref, {mul, A, B}} -> From ! {Ref, A * B}, server();
        {From, Ref, _} -> From ! {Ref, {error, unknown}}, server();
        stop -> ok
    end.

drain() -> receive M -> [M | drain()] after 0 -> [] end.
