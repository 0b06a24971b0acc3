%% 10,000 processes alive at once, each replying with a computed value.
-module(proc_many).
-export([main/0]).

main() ->
    Self = self(),
    Pids = [spawn(fun() -> receive go -> Self ! {self(), I * 2} end end) || I <- lists:seq(1, 10000)],
    Alive = length([P || P <- Pids, is_process_alive(P)]),
    [P ! go || P <- Pids],
    Sum = lists:sum([receive {P, V} -> V end || P <- Pids]),
    {Alive, Sum, length(lists:usort(Pids))}.
