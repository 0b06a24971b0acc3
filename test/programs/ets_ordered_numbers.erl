%% ordered_set with mixed numbers: 1 and 1.0 are one key; first/next/prev/last in term order; keys that are not in the table.
-module(ets_ordered_numbers).
-export([main/0]).

main() ->
    T = ets:new(o, [ordered_set]),
    ets:insert(T, [{1, int}, {2.5, float}, {a, atom}, {{1, 2}, tuple}, {"s", list}, {<<"b">>, bin}, {-3, neg}, {1 bsl 70, big}]),
    ets:insert(T, {1.0, float_one}),  % replaces {1, int}
    ets:insert(T, {2, two}),
    Walk = walk(T, ets:first(T)),
    Back = back(T, ets:last(T)),
    R = {Walk, Back, ets:lookup(T, 1), ets:lookup(T, 1.0), ets:member(T, 2.0), ets:lookup(T, 2.0),
         ets:next(T, 1.5), ets:prev(T, 1.5), ets:next(T, zzz), ets:prev(T, -100),
         ets:next(T, <<"z">>), ets:prev(T, aaa),
         ets:select(T, [{{1, '$1'}, [], ['$1']}]), ets:select(T, [{{'$1', '_'}, [{'==', '$1', 1}], ['$1']}]),
         ets:take(T, 2.0), ets:lookup(T, 2), ets:slot(T, 0), ets:slot(T, 3), ets:slot(T, ets:info(T, size))},
    ets:delete(T, 1),
    R2 = {ets:first(T), ets:info(T, size)},
    ets:delete(T),
    {R, R2}.

walk(_, '$end_of_table') -> [];
walk(T, K) -> [K | walk(T, ets:next(T, K))].

back(_, '$end_of_table') -> [];
back(T, K) -> [K | back(T, ets:prev(T, K))].
