%% Map errors: {badmap, V} from updates and BIFs, {badkey, K} from := and maps:get/2, map_get/2.
-module(map_errors).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    M = ?MODULE:id(#{a => 1}),
    NotMap = ?MODULE:id([1, 2]),
    [t(fun() -> NotMap#{a => 1} end),
     t(fun() -> M#{b := 2} end),
     t(fun() -> map_get(b, M) end),
     t(fun() -> map_get(a, NotMap) end),
     t(fun() -> map_size(NotMap) end),
     t(fun() -> is_map_key(a, NotMap) end),
     t(fun() -> maps:keys(NotMap) end),
     t(fun() -> maps:merge(M, NotMap) end),
     t(fun() -> #{a := X} = ?MODULE:id(#{b => 1}), X end),
     t(fun() -> maps:get({complex, [key]}, M) end),
     t(fun() -> (?MODULE:id(42))#{} end)].

t(F) -> try F() catch C:R -> {C, R} end.
