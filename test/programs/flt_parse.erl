%% list_to_float/binary_to_float: accepted and rejected syntaxes.
-module(flt_parse).
-export([main/0]).

main() ->
    Inputs = ["1.0", "-1.5", "1.5e3", "1.5E-3", "+2.0", "0.1e-400", "1.0e400", "1", "1.", ".5",
              "1e5", "1.0e+5", " 1.0", "1.0 ", "1_0.0", "0.000", "123456789012345678901234.5"],
    [{S, try list_to_float(S) catch C:R -> {C, R} end} || S <- Inputs]
        ++ [binary_to_float(<<"6.02214076e23">>)].
