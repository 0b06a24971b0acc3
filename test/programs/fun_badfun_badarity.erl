%% Calling non-funs gives {badfun, V}; wrong argument count gives {badarity, {Fun, Args}}.
%% The fun inside badarity is replaced by a placeholder so the result stays printable.
-module(fun_badfun_badarity).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [t(fun() -> (?MODULE:id(not_a_fun))(1) end),
     t(fun() -> (?MODULE:id({lists, reverse}))([1]) end),
     t(fun() -> (?MODULE:id(42))() end),
     t(fun() -> (?MODULE:id(fun(X) -> X end))(1, 2) end),
     t(fun() -> (?MODULE:id(fun() -> ok end))(a) end),
     t(fun() -> (?MODULE:id(fun lists:reverse/1))() end),
     t(fun() -> F = ?MODULE:id(fun(A, B) -> A + B end), F(1) end),
     t(fun() -> lists:map(?MODULE:id(fun(A, B) -> {A, B} end), [1]) end)].

t(F) ->
    try F()
    catch error:{badarity, {Fun, Args}} when is_function(Fun) -> {error, {badarity, {'FUN', Args}}};
          C:R -> {C, R}
    end.
