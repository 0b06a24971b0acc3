%% Multiple generators (cartesian products), dependent generators and pythagorean triples.
-module(lc_multi_gen).
-export([main/0]).

main() ->
    {[{X, Y} || X <- [1, 2, 3], Y <- [a, b]],
     [{X, Y} || X <- lists:seq(1, 4), Y <- lists:seq(X, 4)],
     [{A, B, C} || C <- lists:seq(1, 30), B <- lists:seq(1, C), A <- lists:seq(1, B),
                   A * A + B * B =:= C * C],
     [X ++ Y || X <- ["a", "b"], Y <- ["1", "2", "3"]],
     [{X, Y, Z} || X <- [1, 2], Y <- [], Z <- [3]],
     length([1 || _ <- lists:seq(1, 30), _ <- lists:seq(1, 30), _ <- lists:seq(1, 30)])}.
