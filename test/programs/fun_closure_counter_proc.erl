%% Funs sent between processes and executed there: closures carry their environment.
-module(fun_closure_counter_proc).
-export([main/0]).

main() ->
    Self = self(),
    Secret = {secret, 42},
    Worker = spawn(fun() -> loop() end),
    Worker ! {run, Self, fun() -> Secret end},
    Worker ! {run, Self, fun() -> lists:sum(lists:seq(1, 100)) end},
    Worker ! {run, Self, fun() -> self() =:= Self end},
    Worker ! {run, Self, fun() -> erlang:error(boom) end},
    Worker ! stop,
    [receive {result, R} -> R end || _ <- [1, 2, 3, 4]].

loop() ->
    receive
        {run, From, F} ->
            R = try F() catch C:E -> {caught, C, E} end,
            From ! {result, R},
            loop();
        stop -> ok
    end.
