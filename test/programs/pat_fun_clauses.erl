%% Multi-clause functions dispatching on arity-N argument combinations.
-module(pat_fun_clauses).
-export([main/0]).

main() ->
    [area(S) || S <- [{circle, 1}, {rect, 2, 3}, {square, 4}, {tri, 3, 4, 5}, {rect, 0, 9}]]
        ++ [zip3(a, [1, 2], {b}), zip3(1, 2, 3), zip3([], [], [])]
        ++ [fizz(N) || N <- lists:seq(1, 15)].

area({circle, R}) -> {circle, 3 * R * R};
area({rect, W, H}) when W > 0, H > 0 -> {rect, W * H};
area({rect, _, _}) -> degenerate;
area({square, S}) -> area({rect, S, S});
area({tri, A, B, C}) -> {tri, A + B + C}.

zip3(A, B, C) when is_atom(A), is_list(B), is_tuple(C) -> {atom_list_tuple, A, B, C};
zip3([], [], []) -> all_empty;
zip3(A, B, C) -> {generic, A + B + C}.

fizz(N) when N rem 15 =:= 0 -> fizzbuzz;
fizz(N) when N rem 5 =:= 0 -> buzz;
fizz(N) when N rem 3 =:= 0 -> fizz;
fizz(N) -> N.
