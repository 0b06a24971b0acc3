%% Segment sizes from variables, expressions, units, and the default types of segments.
-module(bin_size_exprs).
-export([main/0]).

main() ->
    N = 3,
    A = <<7:N, 1:(N * 2), 0:(8 - N * 3 + 7)>>,
    B = <<1:4/unit:8, 2:2/unit:4>>,
    <<X:2/unit:8, Y/binary>> = <<1, 2, 3>>,
    <<Hdr:4, Body:Hdr/binary-unit:4, _/bits>> = <<2:4, 16#ABCD:16, 0:4>>,
    Defaults = {<<1, 2.0/float, "s", <<9>>/binary>>, <<300>>, <<-1>>, <<$a, "bc">>},
    Sized = [<<V:S>> || {V, S} <- [{5, 3}, {5, 4}, {255, 8}, {256, 9}]],
    {A, bit_size(A), B, X, Y, Hdr, Body, Defaults, Sized}.
