%% function_clause from local functions, funs, and library functions.
-module(err_function_clause).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [t(fun() -> only_ints(?MODULE:id(a)) end),
     t(fun() -> two_args(?MODULE:id(1), ?MODULE:id(2)) end),
     t(fun() -> (?MODULE:id(fun(0) -> zero end))(1) end),
     t(fun() -> lists:nth(?MODULE:id(0), [a]) end),
     t(fun() -> lists:seq(?MODULE:id(5), ?MODULE:id(1), ?MODULE:id(1)) end),
     t(fun() -> only_ints(?MODULE:id(1.0)) end),
     t(fun() -> only_ints(?MODULE:id(3)) end)].

only_ints(N) when is_integer(N) -> {int, N}.

two_args(X, X) -> same.
