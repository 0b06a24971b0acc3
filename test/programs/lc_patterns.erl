%% Generator patterns act as filters: non-matching elements are skipped silently.
-module(lc_patterns).
-export([main/0]).

main() ->
    Mixed = [{ok, 1}, {error, x}, {ok, 2}, ok, {ok, 3, extra}, [ok], {ok, [4]}],
    {[V || {ok, V} <- Mixed],
     [E || {error, E} <- Mixed],
     [H || [H | _] <- ["abc", "", "de", [], [x]]],
     [K || #{k := K} <- [#{k => 1}, #{j => 2}, #{k => 3, j => 4}, not_map]],
     [B || <<B:8>> <- [<<1>>, <<2, 3>>, <<4>>, <<>>]],
     [X || {X, X} <- [{1, 1}, {1, 2}, {b, b}]],
     [{N, S} || {N, S} <- lists:zip(lists:seq(1, 3), ["one", "two", "three"]), length(S) > 3]}.
