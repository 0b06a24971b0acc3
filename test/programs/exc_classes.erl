%% The three exception classes caught by try, with class-specific and catch-all clauses.
-module(exc_classes).
-export([main/0]).

main() ->
    Raisers = [fun() -> throw(ball) end, fun() -> error(oops) end, fun() -> exit(bye) end,
               fun() -> throw({complex, [1, 2], #{k => v}}) end, fun() -> error({tagged, 1}) end,
               fun() -> exit(normal) end, fun() -> no_exception end],
    {[specific(F) || F <- Raisers], [generic(F) || F <- Raisers], [only_throw(F) || F <- Raisers]}.

specific(F) ->
    try F() of
        V -> {returned, V}
    catch
        throw:T -> {thrown, T};
        error:E -> {errored, E};
        exit:X -> {exited, X}
    end.

generic(F) ->
    try F() catch Class:Reason -> {Class, Reason} end.

%% A throw-only handler lets other classes propagate to the outer try.
only_throw(F) ->
    try
        try F() catch T -> {inner_caught, T} end
    catch
        C:R -> {outer_caught, C, R}
    end.
