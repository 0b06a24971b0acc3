%% The maps module API on small maps.
-module(map_functions).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    M = #{a => 1, b => 2, c => 3},
    [maps:get(a, M), maps:get(z, M, none), maps:find(b, M), maps:find(z, M),
     maps:is_key(c, M), maps:keys(M), maps:values(M), maps:put(d, 4, M),
     maps:remove(a, M), maps:remove(zz, M), maps:take(b, M), maps:take(z, M),
     maps:update(a, 11, M), maps:update_with(a, fun(V) -> V * 100 end, M),
     maps:with([a, c, zz], M), maps:without([a, zz], M), maps:merge(M, #{a => x, q => y}),
     maps:merge_with(fun(_K, V1, V2) -> V1 + V2 end, M, #{a => 10, e => 5}),
     maps:intersect(M, #{a => new, zz => 1}),
     maps:from_keys([x, y], 0), maps:groups_from_list(fun(X) -> X rem 2 end, [1, 2, 3, 4, 5]),
     maps:size(M), maps:new(), maps:from_list([]),
     try maps:get(z, ?MODULE:id(M)) catch C:R -> {C, R} end,
     try maps:update(z, 1, M) catch C2:R2 -> {C2, R2} end,
     try maps:get(a, ?MODULE:id(not_a_map)) catch C3:R3 -> {C3, R3} end].
