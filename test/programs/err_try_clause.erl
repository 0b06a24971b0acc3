%% {try_clause, V} when no of-clause of a try matches the body's value.
-module(err_try_clause).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> try ?MODULE:id(3) of 1 -> one catch _:_ -> caught end end),
     t(fun() -> try ?MODULE:id({x, y}) of {x} -> one after ok end end),
     t(fun() -> try ?MODULE:id(2) of 1 -> one; 2 -> two catch _:_ -> caught end end),
     %% The try_clause error is not caught by the try that raised it.
     t(fun() -> try ?MODULE:id(9) of 1 -> one catch error:_ -> caught_by_same_try end end)].
