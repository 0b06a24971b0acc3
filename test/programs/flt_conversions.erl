%% float/1, round/1, trunc/1, ceil/1, floor/1 on positive, negative, halfway and big values.
-module(flt_conversions).
-export([main/0]).

main() ->
    Vals = [0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.4, 2.6, -2.6, 1.0e20, -1.0e20,
            123456789.999, 4503599627370495.5, 7, -7],
    [{V, float(V), round(V), trunc(V), ceil(V), floor(V)} || V <- Vals].
