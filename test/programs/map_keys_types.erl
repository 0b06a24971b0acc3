%% Keys of every type in one map: integer vs float keys are distinct (=:= semantics).
-module(map_keys_types).
-export([main/0]).

main() ->
    Ref = make_ref(),
    Keys = [1, 1.0, -1, 0, 0.5, big(), atom, "str", <<"bin">>, <<1:4>>, {t, 1}, [l], [], {},
            #{m => 1}, Ref],
    M = maps:from_list([{K, N} || {N, K} <- lists:zip(lists:seq(1, length(Keys)), Keys)]),
    Lookups = [maps:get(K, M) || K <- Keys],
    Without = maps:remove(Ref, M),
    {map_size(M), Lookups, Without, maps:is_key(2, M), maps:is_key(1.0, M),
     maps:find(1.0, #{1 => x}), maps:find(1, #{1.0 => x})}.

big() -> 1 bsl 100.
