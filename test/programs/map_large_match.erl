%% Matching, updating and comparing large (HAMT) maps; crossing the 32-key boundary both ways.
-module(map_large_match).
-export([main/0]).

main() ->
    Keys = [list_to_atom([C]) || C <- lists:seq($a, $z)] ++ lists:seq(1, 20),
    M = maps:from_list([{K, K} || K <- Keys]),
    #{q := Q, 7 := Seven, z := Z} = M,
    Sizes = [map_size(maps:from_list([{I, x} || I <- lists:seq(1, N)])) || N <- [31, 32, 33, 34, 64]],
    Down = lists:foldl(fun(K, Acc) -> maps:remove(K, Acc) end, M, lists:seq(1, 20)),
    Up = maps:merge(Down, #{1 => a, 2 => b, 3 => c, 4 => d, 5 => e, 6 => f, 7 => g}),
    Eq = (maps:from_list([{I, I} || I <- lists:seq(1, 40)]) =:=
          maps:from_list([{I, I} || I <- lists:seq(40, 1, -1)])),
    Cmp = [maps:from_list([{I, I} || I <- lists:seq(1, 40)]) <
           maps:from_list([{I, I} || I <- lists:seq(1, 41)]),
           maps:from_list([{I, 0} || I <- lists:seq(1, 40)]) <
           maps:from_list([{I, 1} || I <- lists:seq(1, 40)])],
    {Q, Seven, Z, Sizes, map_size(Down), Down, map_size(Up),
     lists:sort(maps:to_list(Up)), Eq, Cmp, maps:get(nope, M, default)}.
