%% Integer segments of every size 1..72 bits: construct then match back, big endian.
-module(bin_int_sizes).
-export([main/0]).

main() ->
    [{N, roundtrip(N)} || N <- lists:seq(1, 72)].

%% For each size, encode a few values (including ones wider than the segment, which are
%% truncated to the low N bits) and decode them again.
roundtrip(N) ->
    Vals = [0, 1, (1 bsl N) - 1, 1 bsl (N - 1), 16#123456789ABCDEF0123, -1],
    [begin
         B = <<V:N>>,
         <<U:N>> = B,
         <<S:N/signed>> = B,
         {bit_size(B), U, S}
     end || V <- Vals].
