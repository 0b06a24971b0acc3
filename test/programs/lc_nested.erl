%% Nested comprehensions: matrices, transposition, flattening, permutations and quicksort.
-module(lc_nested).
-export([main/0]).

main() ->
    M = [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    {transpose(M),
     [[X * Y || X <- Row] || {Y, Row} <- lists:zip([1, 10, 100], M)],
     [X || Row <- M, X <- Row, X rem 2 =:= 0],
     mult(M, M),
     perms([a, b, c]),
     qsort([33, 2, 8, 1, 99, 0, -5, 8, 42]),
     [[{I, J} || J <- lists:seq(1, I)] || I <- lists:seq(1, 4)]}.

transpose([[] | _]) -> [];
transpose(M) -> [[H || [H | _] <- M] | transpose([T || [_ | T] <- M])].

mult(A, B) ->
    BT = transpose(B),
    [[lists:sum([X * Y || {X, Y} <- lists:zip(Row, Col)]) || Col <- BT] || Row <- A].

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

qsort([]) -> [];
qsort([P | Xs]) -> qsort([X || X <- Xs, X < P]) ++ [P] ++ qsort([X || X <- Xs, X >= P]).
