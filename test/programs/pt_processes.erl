%% persistent_term values are seen by every process, and updates are seen after put/2 returns.
-module(pt_processes).
-export([main/0]).

main() ->
    Self = self(),
    persistent_term:put({pt_processes, cfg}, #{level => 1, names => [a, b]}),
    Readers = [spawn(fun() -> Self ! {I, persistent_term:get({pt_processes, cfg})} end) || I <- lists:seq(1, 5)],
    First = [receive {I, V} -> V end || I <- lists:seq(1, length(Readers))],
    Writer = spawn(fun() -> persistent_term:put({pt_processes, cfg}, updated), Self ! written end),
    receive written -> ok end,
    _ = Writer,
    Second = persistent_term:get({pt_processes, cfg}),
    Erased = persistent_term:erase({pt_processes, cfg}),
    Gone = persistent_term:get({pt_processes, cfg}, gone),
    {First, Second, Erased, Gone}.
