%% io_lib:format on binaries and bitstrings: ~p string detection in
%% binaries, non-printable and long binaries, ~P truncation, bitstrings,
%% ~w and ~s of binaries.
-module(fmt_binaries).
-export([main/0]).

f(Fmt, Args) ->
    try unicode:characters_to_binary(io_lib:format(Fmt, Args))
    catch C:R -> {C, R}
    end.

main() ->
    Long = list_to_binary(lists:duplicate(200, $a)),
    Bytes = list_to_binary(lists:seq(0, 255)),
    [f("~p", [<<"hello">>]), f("~p", [<<"hello\n">>]), f("~p", [<<1, 2, 3>>]), f("~p", [<<>>]),
     f("~p", [<<"with \"quotes\"">>]), f("~p", [Long]), f("~p", [Bytes]), f("~w", [Bytes]),
     f("~P", [Bytes, 5]), f("~P", [Long, 3]), f("~P", [Long, 30]), f("~W", [Bytes, 4]),
     f("~p", [<<1:1>>]), f("~p", [<<5:3>>]), f("~p", [<<"abc", 1:1>>]), f("~w", [<<255, 7:4>>]),
     f("~p", [<<"x", 0, "y">>]), f("~p", [[<<"a">>, <<"b">>]]), f("~p", [{<<"key">>, <<"value">>}]),
     f("~p", [#{<<"k">> => <<"v">>}]), f("~s", [<<"binary string">>]), f("~10s|", [<<"bin">>]),
     f("~p", [<<"\t\r\e\v\f\b">>]), f("~p", [<<127>>]), f("~p", [<<128, 129>>]), f("~p", [<<200, 201>>]),
     f("~tp", [<<200, 201>>]), f("~p", [<<"é"/utf8>>]), f("~tp", [<<"é"/utf8>>]),
     f("~p", [list_to_binary(lists:seq($a, $z))]), f("~20p", [list_to_binary(lists:seq($a, $z))]),
     f("~p", [[Long, Long]]), f("~p", [{bin, Bytes}]), f("~P", [{bin, Bytes}, 4]),
     f("~p", [<<0:64>>]), f("~p", [<<1:7, 2:9>>]), f("~P", [<<1, 2, 3>>, 1]), f("~P", [<<1, 2, 3>>, 2]),
     f("~P", [<<"abcdef">>, 2]), f("~P", [<<"abcdef">>, 3]), f("~W", [<<"abcdef">>, 2]),
     f("~p", [list_to_binary(lists:duplicate(100, "ab\n"))]), f("~p", [binary:copy(<<"xy">>, 60)])].
