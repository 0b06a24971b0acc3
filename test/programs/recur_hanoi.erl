%% Towers of Hanoi and the N-queens puzzle: classic recursive searches.
-module(recur_hanoi).
-export([main/0]).

main() ->
    Moves = hanoi(10, a, c, b),
    {length(Moves), lists:sublist(Moves, 5), length(queens(8)), hd(queens(6))}.

hanoi(0, _, _, _) -> [];
hanoi(N, From, To, Via) -> hanoi(N - 1, From, Via, To) ++ [{From, To}] ++ hanoi(N - 1, Via, To, From).

queens(N) -> queens(N, N).
queens(0, _) -> [[]];
queens(K, N) -> [[Q | Qs] || Qs <- queens(K - 1, N), Q <- lists:seq(1, N), safe(Q, Qs, 1)].

safe(_, [], _) -> true;
safe(Q, [Q1 | Qs], D) -> Q =/= Q1 andalso abs(Q - Q1) =/= D andalso safe(Q, Qs, D + 1).
