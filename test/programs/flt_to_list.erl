%% float_to_list/1,2 and float_to_binary with decimals/scientific/compact options.
-module(flt_to_list).
-export([main/0]).

main() ->
    Vals = [0.0, 1.0, -1.5, 3.14159265358979, 1.0e-5, 123456789.125, 1.0e100, 0.1, 2.675, 5.0e-324],
    Opts = [[], [{decimals, 0}], [{decimals, 2}], [{decimals, 4}, compact], [{scientific, 3}],
            [{scientific, 0}], [short], [{decimals, 10}, compact]],
    [{V, [float_to_list(V, O) || O <- Opts], float_to_list(V)} || V <- Vals]
        ++ [float_to_binary(1.5), float_to_binary(1.5, [short])].
