%% Nested map updates and a word-frequency counter built with maps.
-module(map_nested_update).
-export([main/0]).

main() ->
    Db = #{users => #{1 => #{name => "a", roles => [admin]}, 2 => #{name => "b", roles => []}}},
    Db1 = set_in(Db, [users, 2, roles], [dev]),
    Db2 = set_in(Db1, [users, 3], #{name => "c", roles => []}),
    Db3 = set_in(Db2, [meta, version], 2),
    Text = "the quick brown fox jumps over the lazy dog the end",
    Freq = lists:foldl(fun(W, Acc) ->
                               case Acc of
                                   #{W := N} -> Acc#{W := N + 1};
                                   _ -> Acc#{W => 1}
                               end
                       end, #{}, string:lexemes(Text, " ")),
    {Db3, get_in(Db3, [users, 1, name]), get_in(Db3, [users, 9, name]), Freq}.

set_in(M, [K], V) -> M#{K => V};
set_in(M, [K | Ks], V) -> M#{K => set_in(maps:get(K, M, #{}), Ks, V)}.

get_in(V, []) -> V;
get_in(M, [K | Ks]) ->
    case M of
        #{K := Sub} -> get_in(Sub, Ks);
        _ -> undefined
    end.
