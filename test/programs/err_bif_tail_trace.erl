%% A BIF that fails in tail position: BEAM keeps the calling function in the
%% stack trace (a tail-called BIF runs as a call), with the BIF's
%% error_info location (erl_erts_errors, erl_stdlib_errors).
-module(err_bif_tail_trace).
-export([main/0]).

main() ->
    [trace(fun() -> f(foo) end), trace(fun() -> g(<<1>>) end), trace(fun() -> h(x) end),
     trace(fun() -> k([]) end)].

trace(F) ->
    %% The frames below main/0 are the caller's (erl_eval on erl): left out.
    try F() catch C:R:S -> {C, R, [{M, Fn, A, [I || {error_info, _} = I <- Loc]}
                                   || {M, Fn, A, Loc} <- S, lists:member(M, [?MODULE, erlang, lists, maps])]} end.

f(X) -> erlang:binary_to_list(X).
g(X) -> lists:reverse(X, []).
h(X) -> maps:get(key, X).
k(X) -> hd(X).
