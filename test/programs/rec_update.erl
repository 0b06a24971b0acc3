%% Record update syntax: one field, several fields, chained updates, original unchanged.
-module(rec_update).
-export([main/0]).

-record(counter, {name = none, count = 0, history = []}).

main() ->
    C0 = #counter{name = clicks},
    C1 = bump(C0),
    C2 = bump(bump(C1)),
    C3 = C2#counter{name = renamed, history = []},
    Cs = lists:foldl(fun(_, C) -> bump(C) end, C0, lists:seq(1, 10)),
    {C0, C1, C2, C3, Cs#counter.count, length(Cs#counter.history)}.

bump(#counter{count = N, history = H} = C) ->
    C#counter{count = N + 1, history = [N | H]}.
