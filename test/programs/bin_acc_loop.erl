%% The `<<Acc/binary, X>>` accumulator idiom for 100,000 steps (must be linear time).
-module(bin_acc_loop).
-export([main/0]).

main() ->
    B = build(0, <<>>),
    B2 = build_bits(0, <<>>),
    B3 = build16(50000, <<>>),
    {byte_size(B), binary:part(B, 0, 10), binary:part(B, 99990, 10),
     checksum(B, 0), bit_size(B2), checksum(B3, 0), binary:last(B3)}.

build(100000, Acc) -> Acc;
build(N, Acc) -> build(N + 1, <<Acc/binary, (N rem 256)>>).

build_bits(100000, Acc) -> Acc;
build_bits(N, Acc) -> build_bits(N + 1, <<Acc/bits, (N band 1):1>>).

build16(0, Acc) -> Acc;
build16(N, Acc) -> build16(N - 1, <<Acc/binary, N:16/little>>).

checksum(<<X, Rest/binary>>, Sum) -> checksum(Rest, (Sum * 31 + X) rem 1000000007);
checksum(<<>>, Sum) -> Sum.
