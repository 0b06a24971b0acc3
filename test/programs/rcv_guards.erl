%% Receive clauses with guards: the first message matching any clause (pattern + guard) wins.
-module(rcv_guards).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! M || M <- [{n, 5}, {n, 50}, {n, -1}, {s, "str"}, {n, 500}, {s, ""}, {b, <<1>>}]],
    R1 = receive {n, X} when X > 100 -> {huge, X} end,
    R2 = receive {n, X2} when X2 > 10 -> {big, X2}; {s, S} when S =/= [] -> {str, S} end,
    R3 = receive {s, S2} when length(S2) > 0 -> {str, S2}; {n, X3} when X3 < 0 -> {neg, X3} end,
    R4 = receive {b, B} when is_binary(B), byte_size(B) =:= 1 -> {bin, B} end,
    R5 = receive {s, S3} when is_list(S3) -> {s, S3} end,
    {R1, R2, R3, R4, R5, drain()}.

drain() -> receive M -> [M | drain()] after 0 -> [] end.
