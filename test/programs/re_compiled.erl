%% re:compile'd patterns reused across calls, processes and options; the re_pattern tuple's fields.
-module(re_compiled).
-export([main/0, id/1]).

id(X) -> X.

shape({ok, {re_pattern, N, U, C, B}}) when is_binary(B) -> {re_pattern, N, U, C};
shape(Other) -> Other.

main() ->
    {ok, MP} = re:compile(?MODULE:id("^(\\w+)@(\\w+)\\.com$"), [caseless]),
    Addrs = ["bob@example.com", "ALICE@Corp.COM", "nope", "x@y.org"],
    Self = self(),
    Pid = spawn(fun() -> Self ! {self(), [re:run(A, MP, [{capture, all_but_first, list}]) || A <- Addrs]} end),
    Remote = receive {Pid, R} -> R end,
    [[re:run(A, MP, [{capture, all_but_first, list}]) || A <- Addrs],
     Remote,
     [shape(re:compile(?MODULE:id(P), O)) || {P, O} <- [{"a(b)(c)", []}, {"x", [unicode]},
                                                        {"x", [{newline, crlf}]}, {"(?<a>.)", [dupnames]}]],
     re:run(?MODULE:id("xAx"), element(2, re:compile("a", [caseless])), [global]),
     re:replace(?MODULE:id("aXbX"), element(2, re:compile("x", [caseless])), "-", [global, {return, list}]),
     re:split(?MODULE:id("aXbX"), element(2, re:compile("x", [caseless])), [{return, list}]),
     re:run(?MODULE:id(<<"é"/utf8>>), element(2, re:compile(<<"é"/utf8>>, [unicode])), [{capture, all, list}]),
     re:run(?MODULE:id("baaa"), element(2, re:compile("a", [anchored])))].
