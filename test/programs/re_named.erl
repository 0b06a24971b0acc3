%% re named groups: (?<n>), (?P<n>), (?'n'), all_names order, dupnames, re:inspect namelist, named backreferences.
-module(re_named).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    S = ?MODULE:id(<<"key=value; other=thing">>),
    P = ?MODULE:id("(?<key>\\w+)=(?<val>\\w+)"),
    {ok, MP} = re:compile(P),
    [re:run(S, MP, [{capture, all_names, binary}]),
     re:run(S, MP, [{capture, [val, key], list}]),
     re:run(S, MP, [{capture, ["key", <<"val">>, nosuch], index}]),
     re:run(S, MP, [global, {capture, [key], binary}]),
     re:inspect(MP, namelist),
     re:run(?MODULE:id("ab"), "(?P<z>a)(?'a'b)", [{capture, all_names, list}]),
     re:run(?MODULE:id("b"), "(?<x>a)|(?<x>b)", [dupnames, {capture, [x], binary}]),
     re:run(?MODULE:id("abab"), "(?<p>ab)\\k<p>", [{capture, all_names}]),
     re:run(?MODULE:id("abab"), "(?P<p>ab)(?P=p)", [{capture, first, list}]),
     re:run(?MODULE:id("ab"), "(a)(b)", [{capture, all_names}])].
