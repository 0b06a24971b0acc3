%% os environment: putenv/getenv/unsetenv with unicode and deep lists, getenv/2 defaults, getenv/0, badarg cases.
-module(os_env).
-export([main/0, id/1]).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    K1 = ?MODULE:id("BEAMJS_PROG_K1"),
    K2 = ?MODULE:id(["BEAMJS_", ["PROG_K2"]]),
    Before = {os:getenv(K1), os:getenv(K1, default)},
    Puts = [os:putenv(K1, "value \x{e9}\x{3b1}"), os:putenv(K2, [$a, [$b, "c"]])],
    Got = {os:getenv(K1), os:getenv("BEAMJS_PROG_K2"), os:getenv(K1, default)},
    InAll = [lists:member("BEAMJS_PROG_K1=value \x{e9}\x{3b1}", os:getenv()),
             lists:member("BEAMJS_PROG_K2=abc", os:getenv())],
    Unset = [os:unsetenv(K1), os:unsetenv("BEAMJS_PROG_K2"), os:getenv(K1), os:getenv("BEAMJS_PROG_K2", gone)],
    Errors = [c(fun() -> os:getenv(?MODULE:id(atom)) end),
              c(fun() -> os:getenv(?MODULE:id("A=B")) end),
              c(fun() -> os:putenv(?MODULE:id("A=B"), "x") end),
              c(fun() -> os:putenv(K1, ?MODULE:id(<<"bin">>)) end),
              c(fun() -> os:putenv(K1, ?MODULE:id("nul\0")) end),
              c(fun() -> os:getenv(?MODULE:id(<<"PATH">>), d) end),
              c(fun() -> os:unsetenv(?MODULE:id(42)) end)],
    R = {Before, Puts, Got, InAll, Unset, Errors, os:getenv(""), os:putenv("", "x")},
    %% The reference erl runs every program and test: leave its environment as found.
    true = os:unsetenv(""),
    R.
