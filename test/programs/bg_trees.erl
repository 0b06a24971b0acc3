%% A benchmarks-game program (also measured by bench/, at a bigger size): main/0 runs it small.
-module(bg_trees).
-export([main/0, run/1]).
main() -> run(10).
run(N) ->
    Max = max(6, N),
    Stretch = check(make(Max + 1)),
    Long = make(Max),
    Iters = [begin It = 1 bsl (Max - D + 4), {It, D, lists:sum([check(make(D)) || _ <- lists:seq(1, It)])} end
             || D <- lists:seq(4, Max, 2)],
    {Stretch, Iters, check(Long)}.
make(0) -> {nil, nil};
make(D) -> {make(D - 1), make(D - 1)}.
check({nil, nil}) -> 1;
check({L, R}) -> 1 + check(L) + check(R).
