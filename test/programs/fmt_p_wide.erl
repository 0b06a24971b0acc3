%% io_lib:format ~p on wide terms: long lists and strings, many map keys,
%% line width and the column the term starts at, string detection.
-module(fmt_p_wide).
-export([main/0]).

f(Fmt, Args) ->
    try unicode:characters_to_binary(io_lib:format(Fmt, Args))
    catch C:R -> {C, R}
    end.

main() ->
    L100 = lists:seq(1, 100),
    Words = [list_to_atom("word" ++ integer_to_list(N)) || N <- lists:seq(1, 60)],
    LongStr = lists:flatten(lists:duplicate(30, "abcdef ")),
    Strs = [lists:duplicate(N, $x) || N <- lists:seq(1, 25)],
    M50 = maps:from_list([{<<"k", (integer_to_binary(N))/binary>>, lists:seq(1, N rem 7)} || N <- lists:seq(1, 50)]),
    Props = [{list_to_atom("option_" ++ integer_to_list(N)), N * 1000} || N <- lists:seq(1, 30)],
    [f("~p", [L100]), f("~p", [Words]), f("~p", [LongStr]), f("~p", [Strs]), f("~p", [M50]),
     f("~p", [Props]), f("~p", [{L100, Words}]), f("~p", [[LongStr, LongStr]]),
     f("~50p", [L100]), f("~30p", [Words]), f("~60p", [LongStr]), f("~120p", [Props]),
     f("          indented by ten ~p", [Props]), f("~p", [lists:seq(1, 300)]),
     f("~p", [[lists:seq(1, 10) || _ <- lists:seq(1, 10)]]), f("~p", [list_to_tuple(Words)]),
     f("~p", [[{N, integer_to_list(N)} || N <- lists:seq(1, 40)]]),
     f("~p", ["line one\nline two\n\ttabbed"]), f("~p", ["quote \" and backslash \\ inside"]),
     f("~p", [[7, 8, 9, 10, 11, 12, 13, 27]]), f("~p", [[$a, $b, 0]]), f("~p", [[$a | $b]]),
     f("~p", [[]]), f("~p", [[$\s]]), f("~p", [[127]]), f("~p", [[160, 161, 255]]), f("~p", [[256]]),
     f("~p", [lists:seq(32, 126)]), f("~p", [{LongStr, 1, LongStr}]),
     f("~p", [maps:from_list([{N, LongStr} || N <- lists:seq(1, 3)])]),
     f("~p", [[{a, [{b, [{c, [{d, L100}]}]}]}]]), f("~p", [#{list => L100, words => Words}]),
     f("~p", [[<<N>> || N <- lists:seq(1, 40)]]), f("~p", [list_to_binary(LongStr)]),
     f("~p", [[M50]]), f("~p", [{M50, M50}]), f("~70p", [M50]), f("~p", [lists:reverse(Words)]),
     f("~p~n~p", [L100, Words]), f("~p", [[[[[[[[[[L100]]]]]]]]]]),
     f("~p", [[1.5, 2.25, 3.125, 1.0e20, 1.0e-5, -0.5]]), f("~p", [[-1, -2 | -3]]),
     f("~p", [[{x, "xyz"}, {y, <<"xyz">>}, {z, 'xyz'}]]), f("~p", [[[], [[]], ""]]),
     f("~p", [lists:duplicate(20, {ok, self_pid_free})]), f("~p", [erlang:make_tuple(30, {})]),
     f("~p", [string:copies("ab", 100)]), f("~p", [[list_to_atom(lists:duplicate(60, $a))]]),
     f("~p", [lists:seq(1000000, 1000030)]), f("~p", [[1 bsl N || N <- lists:seq(60, 80)]])].
