%% undef when calling missing modules, missing functions, or wrong arities.
-module(err_undef).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> (?MODULE:id(no_such_module_abc)):f() end),
     t(fun() -> ?MODULE:no_such_function() end),
     t(fun() -> lists:reverse(?MODULE:id(1), 2, 3) end),
     t(fun() -> apply(?MODULE:id(lists), ?MODULE:id(no_fun), []) end),
     t(fun() -> (?MODULE:id(fun no_such_module_abc:g/0))() end),
     t(fun() -> erlang:no_such_bif(?MODULE:id(1)) end),
     t(fun() -> (?MODULE:id(erlang)):length([1, 2]) end)].
