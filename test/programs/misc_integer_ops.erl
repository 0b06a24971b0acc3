%% Integer edge cases around 2^27/2^31/2^32/2^53/2^59/2^60/2^63/2^64 (small/big boundaries
%% of various implementations).
-module(misc_integer_ops).
-export([main/0]).

main() ->
    Bounds = [27, 31, 32, 52, 53, 54, 59, 60, 63, 64],
    [{B, (1 bsl B) - 1, (1 bsl B) + 1, -(1 bsl B), ((1 bsl B) - 1) * 2, (1 bsl B) * (1 bsl B),
      (1 bsl B) div 3, -(1 bsl B) rem 7, abs(-(1 bsl B)), (1 bsl B) band ((1 bsl B) - 1),
      bnot (1 bsl B), (1 bsl B) - (1 bsl B), (1 bsl B) + (-(1 bsl B)) =:= 0}
     || B <- Bounds].
