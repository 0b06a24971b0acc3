%% ets:foldl/3 and foldr/3 over every table type, including deleting the visited keys during the fold.
-module(ets_foldl).
-export([main/0]).

main() ->
    [run(Type) || Type <- [set, ordered_set, bag, duplicate_bag]].

run(Type) ->
    T = ets:new(f, [Type]),
    ets:insert(T, [{I, I * 10} || I <- lists:seq(1, 50)]),
    ets:insert(T, {7, 7}),
    Sum = ets:foldl(fun({_, V}, A) -> A + V end, 0, T),
    L = ets:foldl(fun(O, A) -> [O | A] end, [], T),
    R = ets:foldr(fun(O, A) -> [O | A] end, [], T),
    Order = case Type of
        ordered_set -> {L, R};
        _ -> {lists:sort(L), lists:sort(R)}
    end,
    Deleted = ets:foldl(fun({K, _}, N) -> ets:delete(T, K), N + 1 end, 0, T),
    Left = ets:info(T, size),
    Err = try ets:foldl(fun(_, _) -> error(boom) end, 0, T) catch error:boom -> boom end,
    ets:insert(T, {1, 1}),
    Crash = try ets:foldl(fun(_, _) -> error(inner) end, 0, T) catch error:E -> E end,
    Fixed = ets:info(T, fixed),
    ets:delete(T),
    {Type, Sum, Order, Deleted, Left, Err, Crash, Fixed}.
