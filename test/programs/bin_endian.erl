%% Endianness: big, little and native for 16/24/32/64-bit integers and 32/64-bit floats.
-module(bin_endian).
-export([main/0]).

main() ->
    V = 16#0102030405060708,
    Ints = [{N, <<V:N/big>>, <<V:N/little>>, <<V:N/native>> =:= <<V:N/little>>} ||
               N <- [8, 16, 24, 32, 40, 48, 56, 64]],
    <<A:16/little, B:16/big, C:32/little-signed, D/binary>> = <<1, 2, 1, 2, 255, 255, 255, 255, 9>>,
    Floats = {<<1.5:32/float-little>>, <<1.5:32/float-big>>, <<-2.25:64/float-little>>,
              <<-2.25:64/float-big>>},
    <<F1:32/float-little, F2:64/float-little>> = <<0, 0, 192, 63, 0, 0, 0, 0, 0, 0, 2, 192>>,
    Odd = {<<V:12/little>>, <<V:20/little>>, <<5:3/little, 1:5/little>>},
    <<L12:12/little, L4:4>> = <<16#AB, 16#CD>>,
    {Ints, A, B, C, D, Floats, F1, F2, Odd, L12, L4}.
