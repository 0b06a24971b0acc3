%% Signed vs unsigned segments, negative numbers, sign extension at odd sizes.
-module(bin_signed).
-export([main/0]).

main() ->
    Negs = [-1, -2, -128, -129, -32768, -(1 bsl 40), -(1 bsl 70)],
    Enc = [{X, <<X:8>>, <<X:16/signed>>, <<X:24/little-signed>>} || X <- Negs],
    Dec = [begin <<U:Size/unsigned, _/bits>> = Bin,
                 <<S:Size/signed, _/bits>> = Bin,
                 {Size, U, S} end
           || Bin <- [<<255, 255, 255, 255, 255, 255, 255, 255, 255, 255>>, <<128, 0, 0, 0, 0, 0, 0, 0, 0, 0>>],
              Size <- [1, 3, 7, 8, 9, 15, 16, 31, 33, 63, 64, 65, 80]],
    <<S5:5/signed, S3:3/signed>> = <<2#10111101>>,
    {Enc, Dec, S5, S3, <<-1:1>>, <<-5:5/little-signed>>}.
