%% orddict: an ordered key-value list with store/fetch/update/merge/fold.
-module(std_orddict).
-export([main/0]).

main() ->
    D0 = orddict:new(),
    D1 = orddict:store(b, 2, orddict:store(a, 1, orddict:store(c, 3, D0))),
    D2 = orddict:update_counter(a, 10, D1),
    D3 = orddict:append(list, x, orddict:append(list, y, D2)),
    D4 = orddict:update(b, fun(V) -> V * 100 end, D3),
    D5 = orddict:erase(c, D4),
    {D1, orddict:fetch(a, D2), orddict:find(z, D2), orddict:find(b, D2), D3, D4, D5,
     orddict:is_key(c, D5), orddict:fetch_keys(D5), orddict:size(D5),
     orddict:merge(fun(_, A, B) -> A + B end, [{a, 1}, {b, 2}], [{b, 10}, {c, 3}]),
     orddict:fold(fun(K, V, Acc) -> [{V, K} | Acc] end, [], D1),
     orddict:map(fun(_, V) -> V * 2 end, D1), orddict:filter(fun(_, V) -> V > 1 end, D1),
     orddict:from_list([{z, 1}, {a, 2}, {z, 3}]), orddict:to_list(D1), orddict:take(a, D1),
     try orddict:fetch(missing, D1) catch C:R -> {C, R} end}.
