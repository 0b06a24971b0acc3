%% A benchmarks-game program (also measured by bench/, at a bigger size): main/0 runs it small.
-module(bg_mandel).
-export([main/0, run/1]).
main() -> run(64).
run(N) -> erlang:md5(iolist_to_binary([row(Y, N) || Y <- lists:seq(0, N - 1)])).
row(Y, N) -> Ci = 2.0 * Y / N - 1.0, bits([point(2.0 * X / N - 1.5, Ci) || X <- lists:seq(0, N - 1)], <<>>).
bits([], Acc) -> pad(Acc);
bits([B | Bs], Acc) -> bits(Bs, <<Acc/bitstring, B:1>>).
pad(B) when bit_size(B) rem 8 =:= 0 -> B;
pad(B) -> pad(<<B/bitstring, 0:1>>).
point(Cr, Ci) -> point(Cr, Ci, 0.0, 0.0, 50).
point(_, _, Zr, Zi, 0) -> if Zr * Zr + Zi * Zi =< 4.0 -> 1; true -> 0 end;
point(Cr, Ci, Zr, Zi, K) ->
    Tr = Zr * Zr - Zi * Zi + Cr, Ti = 2.0 * Zr * Zi + Ci,
    if Tr * Tr + Ti * Ti > 4.0 -> 0; true -> point(Cr, Ci, Tr, Ti, K - 1) end.
