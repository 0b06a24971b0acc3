%% io_lib:format ~p, ~P, ~lp, ~tp and ~W on deeply nested terms: line
%% breaking, indentation after leading text, depth limits, records as tuples.
-module(fmt_p_nested).
-export([main/0]).

f(Fmt, Args) ->
    try unicode:characters_to_binary(io_lib:format(Fmt, Args))
    catch C:R -> {C, R}
    end.

nest(0) -> leaf;
nest(N) -> {node, N, [nest(N - 1), nest(N - 1)], #{depth => N}}.

deep_list(0) -> [];
deep_list(N) -> [N, deep_list(N - 1)].

main() ->
    T3 = nest(3), T5 = nest(5),
    Deep = deep_list(40),
    Mixed = [{a, "string", <<"bin">>, 1.5, -7, [x | y], {}, [], #{}},
             {person, "Ada", 36, [{email, "ada@example.com"}, {tags, [math, code]}]}],
    [f("~p", [T3]), f("~p~n", [T5]), f("~p", [Deep]), f("~p", [Mixed]),
     f("prefix text: ~p", [T3]), f("~20p", [T3]), f("~40p", [Mixed]), f("~80p", [Deep]),
     f("~200p", [T5]), f("~1p", [[1, 2, 3]]), f("~P", [T5, 1]), f("~P", [T5, 2]),
     f("~P", [T5, 3]), f("~P", [T5, 5]), f("~P", [T5, 10]), f("~P", [Deep, 4]),
     f("~P", [Mixed, 3]), f("~P", [Mixed, 6]), f("~P", [lists:seq(1, 30), 5]),
     f("~P", ["a long string that is printable", 3]), f("~P", [#{a => #{b => #{c => d}}}, 2]),
     f("~W", [T5, 3]), f("~W", [Mixed, 4]), f("~W", [Deep, 5]), f("~lp", [Mixed]),
     f("~lp", [[65, 66, 67]]), f("~p", [[65, 66, 67]]), f("~tp", [Mixed]),
     f("~p", [{[], [[]], [[[]]], {{}}, {{{}}}}]), f("~p", [[{k, v} || _ <- lists:seq(1, 12)]]),
     f("~p", [list_to_tuple(lists:seq(1, 40))]), f("~p", [[[1, 2], [3, 4] | improper]]),
     f("~p", [{1, {2, {3, {4, {5, {6, {7, {8, {9, {10, {11, {12}}}}}}}}}}}}]),
     f("~p", [#{key1 => T3, key2 => [Mixed], <<"bin key">> => {tuple, key}}]),
     f("~p", [maps:from_list([{N, N * N} || N <- lists:seq(1, 40)])]),
     f("~p", [[atom, 'Quoted Atom', 'with-dash', 'ok', '', 'é', 'hello world']]),
     f("~p", [{-0.0, 1.0e-10, 123456789.125, 1.0e300, 3.14}]),
     f("~p", [[1 bsl 70, -(1 bsl 65), 0]]), f("~5p", [[abc, def, ghi, jkl]]),
     f("~10p", [{aaaa, bbbb, cccc, dddd, eeee}]),
     f("a~nb~n~p~nend", [T3]), f("~p ~p", [T3, T3]), f("~p~p", [Deep, Mixed]),
     f("~-30p|", [short]), f("~30p|", [short]), f("~30.5p|", [short]),
     f("~P", [{a, b}, 0]), f("~P", [[a, b, c], 1]), f("~P", [<<1, 2, 3, 4, 5, 6, 7, 8, 9>>, 2]),
     f("~P", [{x, <<"abcdefghijklmnopqrstuvwxyz">>}, 3])].
