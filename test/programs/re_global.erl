%% re:run with global: all matches, empty matches advancing one character, offsets, capture types.
-module(re_global).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [re:run(?MODULE:id("one two  three"), "\\w+", [global, {capture, first, list}]),
     re:run(?MODULE:id("abc"), "", [global]),
     re:run(?MODULE:id("baaac"), "a*", [global]),
     re:run(?MODULE:id("a1b22c333"), "([a-z])(\\d+)", [global, {capture, all_but_first, binary}]),
     re:run(?MODULE:id("a\r\nb"), "", [global, {newline, crlf}]),
     re:run(?MODULE:id("aaaa"), "aa", [global, {offset, 1}]),
     re:run(?MODULE:id("xyz"), "q", [global]),
     re:run(?MODULE:id("a,b,,c"), ",", [global, {capture, none}]),
     re:run(?MODULE:id("line1\nline2\nline3"), "^line(\\d)$", [global, multiline, {capture, [1], list}])].
