%% io_lib:format with unicode: ~ts, ~tp, ~tc, ~s on latin1, binaries with
%% UTF-8, string detection of unicode lists with and without the t modifier.
-module(fmt_unicode).
-export([main/0]).

f(Fmt, Args) ->
    try unicode:characters_to_binary(io_lib:format(Fmt, Args))
    catch C:R -> {C, R}
    end.

main() ->
    Greek = [945, 946, 947, 948],
    Jp = [26085, 26412, 35486],
    Emoji = [128512, 128640],
    Latin = "caf\x{e9} cr\x{e8}me br\x{fb}l\x{e9}e",
    U8 = unicode:characters_to_binary(Greek ++ " " ++ Jp),
    [f("~ts", [Greek]), f("~ts", [Jp]), f("~ts", [Emoji]), f("~ts", [U8]), f("~s", [Latin]),
     f("~ts", [Latin]), f("~p", [Greek]), f("~tp", [Greek]), f("~p", [Jp]), f("~tp", [Jp]),
     f("~tp", [Emoji]), f("~p", [U8]), f("~tp", [U8]), f("~p", [Latin]), f("~tp", [Latin]),
     f("~tp", [{Greek, U8, Latin}]), f("~p", [{Greek, U8, Latin}]), f("~tc", [945]), f("~c", [233]),
     f("~5tc", [945]), f("~.3tc", [26085]), f("~10ts|", [Greek]), f("~-10ts|", [Greek]),
     f("~.2ts|", [Greek]), f("~10.2ts|", [Jp]), f("~ts", [[Greek, <<" and ">>, U8]]),
     f("~s", [<<"plain binary">>]), f("~ts", [<<"plain binary">>]), f("~s", [[<<"io">>, "list", $!]]),
     f("~s", [Greek]), f("~s", [U8]), f("~ts", [[1024, 1025]]), f("~tp", [[1024, 1025]]),
     f("~tp", [[Greek, Jp]]), f("~tp", [#{Greek => Jp}]), f("~tp", ['\x{3b1}\x{3b2}']),
     f("~p", ['\x{3b1}\x{3b2}']), f("~tw", ['\x{3b1}\x{3b2}']), f("~w", ['\x{3b1}\x{3b2}']),
     f("~ts", ['atom_arg']), f("~s", [abc]), f("~tp", [<<"caf", 195, 169>>]),
     f("~p", [<<"caf", 195, 169>>]), f("~tp", [<<255, 254>>]), f("~tp", [[65, 66, 128512]]),
     f("~tp", [lists:seq(900, 960)]), f("~ts", [lists:seq(900, 960)]), f("~20tp", [lists:seq(945, 970)]),
     f("~tP", [[Greek, Greek, Greek], 3]), f("~ts~n~ts", [Greek, Jp]), f("~lp", [Greek]),
     f("~tlp", [Greek]), f("~ltp", [Greek])].
