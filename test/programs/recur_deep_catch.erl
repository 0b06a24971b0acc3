%% Deep recursion through try/catch frames and through funs (non-tail calls inside try).
-module(recur_deep_catch).
-export([main/0]).

main() ->
    {nest_try(10000), fun_depth(50000), try deep_error(20000) catch error:{at_bottom, N} -> N end}.

nest_try(0) -> 0;
nest_try(N) -> try 1 + nest_try(N - 1) catch _:_ -> error end.

fun_depth(N) ->
    F = fun G(0) -> 0; G(K) -> 1 + G(K - 1) end,
    F(N).

deep_error(0) -> error({at_bottom, reached});
deep_error(N) -> [N | deep_error(N - 1)].
