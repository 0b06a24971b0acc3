%% The iteration order of set/bag/duplicate_bag tables (BEAM's hash layout): tab2list, first/next, select chunks, slot, growth past 256 buckets.
-module(ets_hash_order).
-export([main/0]).

main() ->
    S = ets:new(s, [set]),
    [ets:insert(S, {K, v}) || K <- [a, b, c, ok, error, undefined, hello, 1, 2, 3, 100, -5, 2.5, "str", <<"bin">>, {1, 2}, [], 1 bsl 80]],
    R1 = {ets:tab2list(S), walk(S, ets:first(S)), chunks(ets:select(S, [{{'$1', '_'}, [], ['$1']}], 5)), ets:slot(S, 0)},
    B = ets:new(b, [bag]),
    [ets:insert(B, {K rem 7, K}) || K <- lists:seq(1, 40)],
    ets:insert(B, {3, 3}),
    ets:delete_object(B, {5, 12}),
    R2 = {ets:tab2list(B), ets:lookup(B, 3), walk(B, ets:first(B))},
    D = ets:new(d, [duplicate_bag]),
    [ets:insert(D, {K rem 5, K div 3}) || K <- lists:seq(1, 30)],
    R3 = {ets:tab2list(D), ets:match(D, {2, '$1'})},
    Big = ets:new(big, [set]),
    [ets:insert(Big, {K, K * K}) || K <- lists:seq(1, 700)],
    [ets:delete(Big, K) || K <- lists:seq(1, 700, 3)],
    R4 = {[K || {K, _} <- ets:tab2list(Big)], lists:sublist(walk(Big, ets:first(Big)), 50), chunks(ets:select(Big, [{{'$1', '$2'}, [{'<', '$2', 90000}], ['$1']}], 25))},
    [ets:delete(T) || T <- [S, B, D, Big]],
    {R1, R2, R3, R4}.

walk(_, '$end_of_table') -> [];
walk(T, K) -> [K | walk(T, ets:next(T, K))].

chunks('$end_of_table') -> [];
chunks({L, '$end_of_table'}) -> [L];
chunks({L, C}) -> [L | chunks(ets:select(C))].
