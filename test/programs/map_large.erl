%% Maps with more than 32 keys (BEAM switches from flatmap to HAMT). Results avoid
%% exposing the hash order: everything is sorted before it is returned.
-module(map_large).
-export([main/0]).

main() ->
    Big = maps:from_list([{I, I * I} || I <- lists:seq(1, 100)]),
    Mixed = maps:from_list([{{k, I}, I} || I <- lists:seq(1, 40)] ++
                           [{integer_to_list(I), I} || I <- lists:seq(1, 40)] ++
                           [{list_to_atom("a" ++ integer_to_list(I)), I} || I <- lists:seq(1, 40)]),
    Shrunk = maps:without(lists:seq(1, 90), Big),
    Grown = lists:foldl(fun(I, M) -> M#{I => I} end, #{}, lists:seq(1, 50)),
    Updated = Big#{50 := updated, 101 => new},
    {map_size(Big), maps:get(77, Big), map_size(Mixed), maps:get({k, 33}, Mixed),
     maps:get("40", Mixed), maps:get(a17, Mixed), lists:sort(maps:to_list(Shrunk)),
     Shrunk, map_size(Grown), lists:sum(maps:values(Grown)),
     maps:get(50, Updated), maps:get(101, Updated), map_size(Updated),
     maps:is_key(0, Big), maps:find(100, Big), maps:find(1000, Big),
     Big =:= maps:from_list(lists:reverse(maps:to_list(Big))),
     lists:sort(maps:keys(maps:filter(fun(K, _) -> K rem 10 =:= 0 end, Big)))}.
