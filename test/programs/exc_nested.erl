%% Nested try: inner handlers, exceptions raised inside handlers, and after blocks.
-module(exc_nested).
-export([main/0]).

main() ->
    [run(N) || N <- [1, 2, 3, 4, 5]].

run(N) ->
    try
        try level(N)
        catch
            throw:inner when N =:= 2 -> {handled_inner, N};
            throw:inner -> throw({rethrown_from_inner, N});
            error:E -> error({wrapped, E})
        end
    catch
        throw:T -> {outer_throw, T};
        error:{wrapped, E2} -> {outer_wrapped, E2};
        exit:X -> {outer_exit, X}
    end.

level(1) -> throw(inner);
level(2) -> throw(inner);
level(3) -> error(badthing);
level(4) -> exit(quit);
level(5) -> fine.
