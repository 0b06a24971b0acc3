%% Iterating binaries by matching the tail: tokenizer, reverse, bit counting, utf8 length.
-module(bin_tail_matching).
-export([main/0]).

main() ->
    Src = <<"let x = 42 + y1 * (7 - z);">>,
    {tokens(Src), rev(<<"stressed">>, <<>>), ones(<<16#DEADBEEF:32>>, 0),
     utf8_len(<<"naïve café 😀"/utf8>>, 0), count_bytes(<<"mississippi">>, $s, 0)}.

tokens(<<>>) -> [];
tokens(<<C, R/binary>>) when C =:= $\s -> tokens(R);
tokens(<<C, _/binary>> = B) when C >= $0, C =< $9 -> {N, R} = num(B, 0), [{int, N} | tokens(R)];
tokens(<<C, _/binary>> = B) when C >= $a, C =< $z -> {W, R} = word(B, <<>>), [{id, W} | tokens(R)];
tokens(<<C, R/binary>>) -> [{op, <<C>>} | tokens(R)].

num(<<C, R/binary>>, N) when C >= $0, C =< $9 -> num(R, N * 10 + C - $0);
num(R, N) -> {N, R}.

word(<<C, R/binary>>, W) when C >= $a, C =< $z; C >= $0, C =< $9 -> word(R, <<W/binary, C>>);
word(R, W) -> {W, R}.

rev(<<C, R/binary>>, Acc) -> rev(R, <<C, Acc/binary>>);
rev(<<>>, Acc) -> Acc.

ones(<<B:1, R/bits>>, N) -> ones(R, N + B);
ones(<<>>, N) -> N.

utf8_len(<<_/utf8, R/binary>>, N) -> utf8_len(R, N + 1);
utf8_len(<<>>, N) -> N.

count_bytes(<<C, R/binary>>, C, N) -> count_bytes(R, C, N + 1);
count_bytes(<<_, R/binary>>, C, N) -> count_bytes(R, C, N);
count_bytes(<<>>, _, N) -> N.
