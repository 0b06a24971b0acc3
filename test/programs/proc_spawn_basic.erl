%% spawn/1 and spawn/3: workers compute and reply; replies are matched by pid.
-module(proc_spawn_basic).
-export([main/0, square/2]).

square(Parent, X) -> Parent ! {self(), X * X}.

main() ->
    Self = self(),
    Pids = [spawn(fun() -> Self ! {self(), lists:sum(lists:seq(1, N))} end) || N <- [10, 100, 1000]],
    Sums = [receive {P, S} -> S end || P <- Pids],
    Pids2 = [spawn(?MODULE, square, [Self, X]) || X <- [2, 3, 4]],
    Squares = [receive {P, S} -> S end || P <- Pids2],
    {Sums, Squares, lists:all(fun is_pid/1, Pids), self() =:= Self,
     length(lists:usort(Pids ++ Pids2)), hd(Pids) =/= Self}.
