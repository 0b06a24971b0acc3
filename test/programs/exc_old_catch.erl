%% Old-style catch: values pass through, throw gives the value, error gives
%% {'EXIT', {Reason, Stack}} (Stack stripped here), exit gives {'EXIT', Reason}.
-module(exc_old_catch).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Results = [catch ok_value(),
               catch throw(thrown_value),
               catch exit(exit_reason),
               catch exit({'EXIT', fake}),
               strip(catch error(error_reason)),
               strip(catch 1 + ?MODULE:id(a)),
               strip(catch begin x = ?MODULE:id(y) end),
               catch throw({'EXIT', thrown_exit_tuple}),
               (catch 7) + 1],
    Nested = catch (catch throw(a)),
    InExpr = [catch throw(X) || X <- [1, 2]],
    {Results, Nested, InExpr}.

ok_value() -> {just, a, value}.

strip({'EXIT', {Reason, Stack}}) when is_list(Stack) -> {'EXIT', Reason, stack};
strip(Other) -> Other.
