%% `after` blocks run exactly once in every exit path; order observed via messages to self.
-module(exc_after_order).
-export([main/0]).

main() ->
    Paths = [normal, throw, error, exit, nested, in_handler, in_of],
    [{P, catch_all(P), drain()} || P <- Paths].

catch_all(P) ->
    try run(P) catch C:R -> {escaped, C, R} end.

run(P) ->
    S = self(),
    try
        S ! {body, P},
        body(P)
    of
        V when P =:= in_of -> S ! {of_clause, V}, error(from_of);
        V -> S ! {of_clause, V}, V
    catch
        throw:T -> S ! {handler, T}, (P =:= in_handler) andalso throw(from_handler), {caught, T}
    after
        S ! {after_outer, P}
    end.

body(normal) -> ok;
body(throw) -> throw(t);
body(error) -> error(e);
body(exit) -> exit(x);
body(nested) ->
    S = self(),
    try throw(inner) after S ! after_inner end;
body(in_handler) -> throw(h);
body(in_of) -> of_value.

drain() -> receive M -> [M | drain()] after 0 -> [] end.
