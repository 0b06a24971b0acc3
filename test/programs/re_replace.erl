%% re:replace: & and \N / \g{N} references, global, return types, unicode, empty matches.
-module(re_replace).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    S = ?MODULE:id("The quick brown fox"),
    [re:replace(S, "quick", "slow", [{return, list}]),
     re:replace(S, "o", "0", [global, {return, binary}]),
     re:replace(S, "(\\w+) (\\w+)", "\\2 \\1", [{return, list}]),
     re:replace(S, "(\\w+)", "[\\g{1}]", [global, {return, list}]),
     re:replace(S, "[aeiou]", "<&>", [global, {return, list}]),
     re:replace(S, "x", "y", [{return, list}]),
     iolist_to_binary(re:replace(S, "\\s", "_", [global])),
     re:replace(?MODULE:id("aaa"), "", "-", [global, {return, list}]),
     re:replace(?MODULE:id("a\\b"), "\\\\", "\\\\\\\\", [{return, list}]),
     re:replace(?MODULE:id(<<"naïve café"/utf8>>), "é|ï", "?", [unicode, global, {return, binary}]),
     re:replace(?MODULE:id("ABC"), "b", "x", [caseless, {return, list}])].
