%% try ... of: exceptions in the of-clauses are not caught by the same try.
-module(exc_try_of).
-export([main/0]).

main() ->
    [f(X) || X <- [1, 2, 3, 4]].

f(X) ->
    try
        try g(X) of
            one -> {matched, one};
            two -> throw(from_of_clause);
            {three, V} -> V
        catch
            throw:T -> {inner_caught, T}
        end
    catch
        throw:T2 -> {outer_caught, T2};
        error:{try_clause, V2} -> {try_clause, V2}
    end.

g(1) -> one;
g(2) -> two;
g(3) -> {three, three_value};
g(4) -> four.
