%% re in unicode mode: byte offsets into UTF-8, list/binary captures, chardata subjects, ucp, caseless.
-module(re_unicode).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    S = ?MODULE:id(<<"héllo wörld ☃ 日本"/utf8>>),
    [re:run(S, "ö", [unicode]),
     re:run(S, "w(.)r", [unicode, {capture, all, list}]),
     re:run(S, "w(.)r", [unicode, {capture, all, binary}]),
     re:run(S, "\\w+", [unicode, global, {capture, first, list}]),
     re:run(S, "\\w+", [unicode, ucp, global, {capture, first, list}]),
     re:run(S, ".", [unicode, global, {capture, first, index}]),
     re:run(?MODULE:id("ÉCOLE"), "école", [unicode, caseless]),
     re:run(?MODULE:id([16#1F600, $a]), "a", [unicode]),
     re:run(?MODULE:id(<<"é"/utf8, "b">>), "", [unicode, global]),
     re:run(?MODULE:id(<<"aΩb"/utf8>>), "\\p{Greek}", [unicode, {capture, all, list}]),
     catching(fun() -> re:run(?MODULE:id(<<255, $a>>), "a", [unicode]) end),
     catching(fun() -> re:run(?MODULE:id(<<"é"/utf8>>), "", [unicode, {offset, 1}]) end)].

catching(F) -> try F() catch C:R -> {C, R} end.
