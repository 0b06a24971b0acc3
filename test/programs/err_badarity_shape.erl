%% badarity and badfun reasons whose payload contains a fun: only the shape is compared.
-module(err_badarity_shape).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() catch C:R -> {C, R} end.

main() ->
    [shape(t(fun() -> (?MODULE:id(fun(A) -> A end))() end)),
     shape(t(fun() -> (?MODULE:id(fun lists:sum/1))(1, 2) end)),
     shape(t(fun() -> (?MODULE:id(fun(A, B, C) -> {A, B, C} end))(1) end)),
     shape(t(fun() -> (?MODULE:id({fun(X) -> X end}))(1) end))].

shape({error, {badarity, {F, Args}}}) when is_function(F) ->
    {error, badarity, fun_arity(F), Args};
shape({error, {badfun, {F}}}) when is_function(F) -> {error, badfun, tuple_with_fun};
shape(Other) -> Other.

fun_arity(F) -> hd([A || A <- lists:seq(0, 5), is_function(F, A)]).
