%% Segments wider than 64 bits: bignum encode/decode in both endiannesses.
-module(bin_big_ints).
-export([main/0]).

main() ->
    Big = 16#0123456789ABCDEF_FEDCBA9876543210_AA55,
    Sizes = [65, 72, 80, 96, 100, 128, 129, 144, 200, 256],
    [begin
         BB = <<Big:S/big>>, LB = <<Big:S/little>>,
         <<X:S/big>> = BB, <<Y:S/little>> = LB,
         <<SX:S/big-signed>> = BB,
         N = <<(-Big):S/signed>>, <<NX:S/signed>> = N,
         {S, byte_size(BB), BB, LB, X, Y, SX, NX}
     end || S <- Sizes].
