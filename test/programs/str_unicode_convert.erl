%% unicode:characters_to_binary/list between encodings, and invalid input handling.
-module(str_unicode_convert).
-export([main/0]).

main() ->
    S = "Ωmega ünïcode €",
    Utf8 = unicode:characters_to_binary(S),
    {Utf8, unicode:characters_to_list(Utf8), unicode:characters_to_binary(S, unicode, utf16),
     unicode:characters_to_binary(S, unicode, {utf32, little}),
     unicode:characters_to_list(<<"caf", 233>>, latin1),
     unicode:characters_to_binary([<<"mixed ">>, "list", [$!]]),
     unicode:characters_to_binary(<<255, 254>>, latin1, utf8),
     unicode:characters_to_binary([$a, 16#110000]),
     unicode:characters_to_binary(<<"ok", 255, "rest">>),
     unicode:characters_to_list(<<"ok", 16#E2, 16#82>>),
     unicode:characters_to_binary("ω", unicode, latin1),
     unicode:bom_to_encoding(<<16#EF, 16#BB, 16#BF, "x">>)}.
