%% div/rem sign rules (truncation toward zero) on small and big integers; / always gives float.
-module(big_divrem).
-export([main/0]).

main() ->
    Ns = [7, -7, 1 bsl 70, -(1 bsl 70), 0, 123456789123456789123456789],
    Ds = [2, -2, 3, -3, 1 bsl 35, -(1 bsl 35), 1 bsl 80, 1],
    [{N, D, N div D, N rem D, (N div D) * D + N rem D =:= N} || N <- Ns, D <- Ds]
        ++ [{7 / 2, -7 / 2, (1 bsl 70) / (1 bsl 69), 6 / 3}].
