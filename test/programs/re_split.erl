%% re:split: parts, trim, group, return types, captures in the separator, empty pattern.
-module(re_split).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    S = ?MODULE:id("a,b,,c,,"),
    [re:split(S, ","),
     re:split(S, ",", [trim]),
     re:split(S, ",", [{parts, 2}, {return, list}]),
     re:split(S, ",", [{parts, 0}]),
     re:split(?MODULE:id("a1b22c"), "(\\d+)", [{return, list}]),
     re:split(?MODULE:id("a1b22c"), "(\\d+)", [group, {return, list}]),
     re:split(?MODULE:id("abc"), "", [{return, list}]),
     re:split(?MODULE:id("  x  y "), "\\s+", [trim, {return, binary}]),
     re:split(?MODULE:id(<<"α,β"/utf8>>), ",", [unicode, {return, list}])].
