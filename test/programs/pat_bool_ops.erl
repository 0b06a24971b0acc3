%% and/or/xor/not as expressions: strict evaluation and badarg on non-booleans.
-module(pat_bool_ops).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Bs = [true, false],
    Table = [{A, B, A and B, A or B, A xor B, not A} || A <- Bs, B <- Bs],
    Errors = [catch_it(fun() -> ?MODULE:id(1) and true end),
              catch_it(fun() -> true or ?MODULE:id(x) end),
              catch_it(fun() -> not ?MODULE:id(0) end),
              catch_it(fun() -> ?MODULE:id(false) xor ?MODULE:id([]) end),
              catch_it(fun() -> ?MODULE:id(false) and ?MODULE:id(3) end)],
    {Table, Errors}.

catch_it(F) ->
    try F() catch C:R -> {C, R} end.
