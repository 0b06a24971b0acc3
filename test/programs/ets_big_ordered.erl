%% 100,000 keys in an ordered_set and a set: inserts in scrambled order, size, first/last, ranges, deletes.
-module(ets_big_ordered).
-export([main/0]).

main() ->
    O = ets:new(o, [ordered_set]),
    S = ets:new(s, [set]),
    N = 100000,
    [begin K = (I * 7919) rem N, ets:insert(O, {K, I}), ets:insert(S, {K, I}) end || I <- lists:seq(0, N - 1)],
    R1 = {ets:info(O, size), ets:info(S, size), ets:first(O), ets:last(O), ets:next(O, 49999), ets:prev(O, 50000)},
    Range = ets:select(O, [{{'$1', '_'}, [{'>=', '$1', 500}, {'<', '$1', 510}], ['$1']}]),
    Count = ets:select_count(S, [{{'$1', '$2'}, [{'<', '$2', 1000}], [true]}]),
    [ets:delete(O, K) || K <- lists:seq(0, N - 1, 2)],
    [ets:delete(S, K) || K <- lists:seq(1, N - 1, 2)],
    R2 = {ets:info(O, size), ets:info(S, size), ets:first(O), ets:last(O), ets:lookup(S, 0), ets:lookup(O, 0),
          ets:slot(O, 10)},
    Sum = ets:foldl(fun({K, _}, A) -> A + K end, 0, O),
    ets:delete(O), ets:delete(S),
    {R1, Range, Count, R2, Sum}.
