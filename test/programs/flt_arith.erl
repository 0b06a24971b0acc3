%% Float arithmetic and printing of results (shortest round-trip representation).
-module(flt_arith).
-export([main/0]).

main() ->
    {0.1 + 0.2, 1.0 - 0.9, 3.0 * 1.1, 1 / 3, 2 / 3, 10 / 4, -7.5 / 2, 1.0e308 * 1.0,
     5.0e-324, 5.0e-324 / 2, 1.0e-320 * 1.0e-10, 2.0 * 0.5, 1.0e15 + 0.3, 1 + 1.0, 3 - 0.5,
     123456789.0 * 1000, 1.0e22, 1.0e21, 1.0e16, 123456.789e3, 0.000001234, -0.0 * 5,
     100.0, 1.5e300 * 1.5e-300, (1 bsl 60) * 1.0, 4.35, 0.1 * 3}.
