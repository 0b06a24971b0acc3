%% maps:iterator/next over small maps (order is term order for small maps).
-module(map_iterator).
-export([main/0]).

main() ->
    M = #{3 => c, 1 => a, 2 => b, x => y, "s" => t},
    {walk(maps:next(maps:iterator(M))), maps:next(maps:iterator(#{})),
     length(walk(maps:next(maps:iterator(maps:from_list([{I, I} || I <- lists:seq(1, 50)])))))}.

walk(none) -> [];
walk({K, V, I}) -> [{K, V} | walk(maps:next(I))].
