%% re error cases: compile errors with report_errors, {error, {Msg, Pos}} from compile, badarg for bad options and arguments.
-module(re_errors).
-export([main/0, id/1]).

id(X) -> X.

catching(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Bad = ["(", "a)", "[a", "*a", "a{3,1}", "\\", "(?<n>a)(?<n>b)", "[z-a]", "\\k<zz>", "(?z)", "[[:foo:]]"],
    [re:compile(?MODULE:id(P)) || P <- Bad]
    ++ [re:run(?MODULE:id("abc"), P, [report_errors]) || P <- Bad]
    ++ [catching(fun() -> re:run(?MODULE:id("abc"), "(") end),
        catching(fun() -> re:run(?MODULE:id("abc"), "a", [bogus]) end),
        catching(fun() -> re:run(?MODULE:id("abc"), "a", [{capture, all, bogus}]) end),
        catching(fun() -> re:run(?MODULE:id(abc), "a") end),
        catching(fun() -> re:compile(?MODULE:id("a"), [global]) end),
        catching(fun() -> re:replace(?MODULE:id("abc"), "(", "x") end),
        catching(fun() -> re:split(?MODULE:id("abc"), "(") end),
        re:compile(?MODULE:id(<<"a", 255>>), [unicode])].
