%% re:run capture specs and types: all/first/all_but_first/none/lists of groups, index/list/binary, unset groups.
-module(re_captures).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    S = ?MODULE:id(<<"2024-01-15 and 1999-12-31">>),
    P = ?MODULE:id("(\\d{4})-(\\d\\d)-(\\d\\d)"),
    Specs = [all, first, all_but_first, none, [], [3, 1], [0, 7]],
    Types = [index, list, binary],
    [{Spec, Type, re:run(S, P, [{capture, Spec, Type}])} || Spec <- Specs, Type <- Types]
    ++ [re:run(?MODULE:id("ab"), "(a)|(b)"),
        re:run(?MODULE:id("b"), "(a)|(b)"),
        re:run(?MODULE:id("b"), "(a)|(b)", [{capture, all, list}]),
        re:run(?MODULE:id("xyz"), "(x)?(q)?(y)?z", [{capture, all, binary}]),
        re:run(?MODULE:id("abc"), "x"),
        re:run(?MODULE:id("abc"), "c", [{offset, 1}]),
        re:run(?MODULE:id(["ab", [$c, <<"de">>] | <<"f">>]), "c(d)e(f)", [{capture, all_but_first, list}])].
