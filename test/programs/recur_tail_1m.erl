%% Tail recursion 1,000,000 deep in several shapes: counters, accumulators, mutual tail calls.
-module(recur_tail_1m).
-export([main/0]).

main() ->
    {count(1000000, 0), sum_acc(lists:seq(1, 1000000), 0), length(rev(lists:seq(1, 1000000), [])),
     ping(1000000), loop_fun(1000000), collatz_steps(837799, 0)}.

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

sum_acc([], Acc) -> Acc;
sum_acc([H | T], Acc) -> sum_acc(T, Acc + H).

rev([], Acc) -> Acc;
rev([H | T], Acc) -> rev(T, [H | Acc]).

ping(0) -> ping_done;
ping(N) -> pong(N - 1).

pong(0) -> pong_done;
pong(N) -> ping(N - 1).

loop_fun(N) ->
    F = fun Loop(0, A) -> A; Loop(K, A) -> Loop(K - 1, A + 2) end,
    F(N, 0).

collatz_steps(1, S) -> S;
collatz_steps(N, S) when N rem 2 =:= 0 -> collatz_steps(N div 2, S + 1);
collatz_steps(N, S) -> collatz_steps(3 * N + 1, S + 1).
