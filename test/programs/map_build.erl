%% Map construction: literals, variable keys, complex keys, duplicate keys (last wins), printing order.
-module(map_build).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    K = ?MODULE:id(key),
    M1 = #{a => 1, b => 2, c => 3},
    M2 = #{K => value, {tuple, key} => [list], [1, 2] => <<"bin">>, 1 => int, 1.0 => float},
    X = ?MODULE:id(x),
    M3 = #{X => 1, x => 2},
    M4 = #{z => 1, 10 => 2, "s" => 3, <<"b">> => 4, {t} => 5, [] => 6, 2.5 => 7, #{} => 8},
    M5 = #{#{inner => 1} => outer},
    {M1, M2, M3, M4, M5, map_size(M2), maps:get(1, M2), maps:get(1.0, M2),
     maps:keys(M4), maps:values(M4), maps:to_list(M1), maps:from_list([{b, 1}, {a, 2}, {b, 3}])}.
