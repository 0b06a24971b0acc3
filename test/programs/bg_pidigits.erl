%% A benchmarks-game program (also measured by bench/, at a bigger size): main/0 runs it small.
-module(bg_pidigits).
-export([main/0, run/1]).
main() -> run(300).
run(N) -> lists:flatten(digits(N, 0, {1, 0, 1}, 1, [])).
digits(N, N, _, _, Acc) -> lists:reverse(Acc);
digits(N, I, Z, K, Acc) ->
    case next(Z) of
        {Y, true} -> digits(N, I + 1, prod(Z, Y), K, [integer_to_list(Y) | Acc]);
        {_, false} -> digits(N, I, cons(Z, K), K + 1, Acc)
    end.
next({Q, R, T}) ->
    Y = (3 * Q + R) div T,
    {Y, Y =:= (4 * Q + R) div T}.
prod({Q, R, T}, Y) -> {10 * Q, 10 * (R - Y * T), T}.
cons({Q, R, T}, K) -> {Q * K, (2 * Q + R) * (2 * K + 1), T * (2 * K + 1)}.
