%% Float segments of 16, 32 and 64 bits; integer values written as floats; non-finite bits.
-module(bin_float).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [0.0, 1.0, -1.5, 3.141592653589793, 1.0e-10, 65504.0, 1.0e300, 7],
    Enc = [{V, <<V:64/float>>, <<V:32/float>>} || V <- Vals, abs(V) < 1.0e38],
    Half = [{V, <<V:16/float>>} || V <- [0.0, 1.0, -2.0, 0.5, 65504.0, 0.333251953125]],
    Dec = [begin <<F:64/float>> = <<V:64/float>>, F end || V <- Vals],
    Dec32 = [begin <<F:32/float>> = <<V:32/float>>, F end || V <- [0.1, 1.0, -3.5, 1.0e-3]],
    Dec16 = [F || <<F:16/float>> <= <<16#3C00:16, 16#C000:16, 16#7BFF:16, 16#0001:16>>],
    %% Infinities and NaNs cannot be matched as floats: the match fails.
    NonFinite = [case B of <<F:S/float>> -> {ok, F}; _ -> nomatch end
                 || {B, S} <- [{<<16#7FF0000000000000:64>>, 64}, {<<16#7FC00000:32>>, 32},
                               {<<16#7C00:16>>, 16}, {<<16#FFF8000000000000:64>>, 64}]],
    TooBig = try <<(?MODULE:id(1.0e300)):32/float>> catch C:R -> {C, R} end,
    BadSize = try <<(?MODULE:id(1.0)):(?MODULE:id(24))/float>> catch C2:R2 -> {C2, R2} end,
    {Enc, Half, Dec, Dec32, Dec16, NonFinite, TooBig, BadSize}.
