%% A stateful server process (a key-value store) driven by synchronous calls.
-module(proc_server_loop).
-export([main/0]).

main() ->
    Srv = spawn(fun() -> loop(#{}) end),
    Ops = [{put, a, 1}, {put, b, 2}, {get, a}, {get, c}, {put, a, 10}, {get, a}, keys,
           {delete, b}, keys, {crash_me}],
    Results = [call(Srv, Op) || Op <- Ops],
    {Results, is_process_alive(Srv)}.

call(Srv, Op) ->
    Ref = monitor(process, Srv),
    Srv ! {self(), Ref, Op},
    receive
        {Ref, Reply} -> demonitor(Ref, [flush]), Reply;
        {'DOWN', Ref, process, Srv, Why} -> {server_died, strip(Why)}
    end.

loop(S) ->
    receive
        {From, Ref, {put, K, V}} -> From ! {Ref, ok}, loop(S#{K => V});
        {From, Ref, {get, K}} -> From ! {Ref, maps:find(K, S)}, loop(S);
        {From, Ref, {delete, K}} -> From ! {Ref, ok}, loop(maps:remove(K, S));
        {From, Ref, keys} -> From ! {Ref, maps:keys(S)}, loop(S);
        {_From, _Ref, Unknown} -> error({unknown_request, Unknown})
    end.

strip({Reason, [{_, _, _, _} | _]}) -> {Reason, stack};
strip(Reason) -> Reason.
