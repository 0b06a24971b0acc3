%% integer_to_list/2 and list_to_integer/2 in every base 2..36, with bignums and negatives.
-module(big_base36).
-export([main/0]).

main() ->
    Nums = [0, 35, -36, 255, 1 bsl 64, -(1 bsl 100), 999999999999999999999999],
    Table = [{N, B, integer_to_list(N, B)} || N <- Nums, B <- [2, 8, 16, 36]],
    RoundTrip = lists:all(fun({N, B, S}) -> list_to_integer(S, B) =:= N end,
                          [{N, B, integer_to_list(N, B)} || N <- Nums, B <- lists:seq(2, 36)]),
    Parsed = [list_to_integer("zz", 36), list_to_integer("ZZ", 36), list_to_integer("-ff", 16),
              list_to_integer("+17", 8), list_to_integer("0000123"),
              binary_to_integer(<<"1010">>, 2), integer_to_binary(-255, 16)],
    Errors = [try list_to_integer(S, B) catch C:R -> {C, R} end
              || {S, B} <- [{"12", 2}, {"", 10}, {"-", 10}, {"g", 16}, {"1", 37}]],
    {Table, RoundTrip, Parsed, Errors}.
