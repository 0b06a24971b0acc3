%% io_lib:format string and term directives: ~s ~w ~W ~p with field widths,
%% precisions, padding characters, left adjustment, * arguments, ~~ ~n,
%% and the errors of bad formats and arguments.
-module(fmt_strings).
-export([main/0]).

f(Fmt, Args) ->
    try unicode:characters_to_binary(io_lib:format(Fmt, Args))
    catch C:R -> {C, R}
    end.

main() ->
    [f("~s", ["hello"]), f("~10s|", ["hello"]), f("~-10s|", ["hello"]), f("~.3s|", ["hello"]),
     f("~10.3s|", ["hello"]), f("~-10.3s|", ["hello"]), f("~10.3.*s|", ["hello"]), f("~10..xs|", ["hi"]),
     f("~*s|", [8, "star"]), f("~-*s|", [8, "star"]), f("~*.*s|", [8, 2, "star"]), f("~s", [hello]),
     f("~s", [<<"bin">>]), f("~s", [["deep", [$i, ["o", <<"list">>]]]]), f("~3s|", ["toolong"]),
     f("~w", [{a, "b", <<"c">>, [d]}]), f("~10w|", [abc]), f("~-10w|", [abc]), f("~3w|", [abcdef]),
     f("~.2w|", [abc]), f("~W", [[1, 2, 3, 4, 5, 6], 3]), f("~W", [{a, {b, {c, {d}}}}, 2]),
     f("~W", [#{a => 1, b => 2, c => 3}, 2]), f("~W", [<<1, 2, 3, 4, 5>>, 3]), f("~10p|", [x]),
     f("~~", []), f("a~nb", []), f("~n~n", []), f("~s~s~s", ["a", "b", "c"]),
     f("no directives", []), f("~p", []), f("~s", [1]), f("~s", [[1 | 2]]), f("~z", [1]),
     f("~", []), f("~s ~s", ["one"]), f("~s", ["one", "two"]), f("~w", [fun_free]),
     f("~.*s", [-1, "x"]), f(<<"binary ~s format">>, ["arg"]), f(format_atom, []),
     f("~s", [[]]), f("~p", [""]), f("~w", [""]), f("~w", ["abc"]), f("~p", ["abc"]),
     f("~p", [[$a, $b | "c"]]), f("~-6.2.0w|", [7]), f("~6.2.0w|", [7]),
     f("~10.4.-s|", ["abcdefg"]), f("~0s|", ["x"]), f("~.0s|", ["x"]), f("~-0s|", [""])].
