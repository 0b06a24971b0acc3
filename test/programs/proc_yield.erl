%% erlang:yield/0 returns true and lets other processes run; results do not depend on it.
-module(proc_yield).
-export([main/0]).

main() ->
    Self = self(),
    Pids = [spawn(fun() -> count(Id, 1000, Self) end) || Id <- [a, b]],
    Results = [receive {done, Id, N} -> {Id, N} end || Id <- [a, b]],
    {erlang:yield(), length(Pids), Results}.

count(Id, 0, Parent) -> Parent ! {done, Id, finished};
count(Id, N, Parent) -> true = erlang:yield(), count(Id, N - 1, Parent).
