%% Errors from records: access or update on a non-record gives {badrecord, Name} (OTP 25).
-module(rec_badrecord).
-export([main/0, id/1]).

-record(r, {a = 1, b = 2}).
-record(s, {a}).

id(X) -> X.

main() ->
    Bad = [?MODULE:id(#s{a = 1}), ?MODULE:id({r, 1}), ?MODULE:id(not_a_record),
           ?MODULE:id({r, 1, 2, 3})],
    [{try_access(V), try_update(V)} || V <- Bad] ++ [try_access(#r{}), try_update(#r{})].

try_access(V) ->
    try V#r.b catch C:R -> {C, R} end.

try_update(V) ->
    try V#r{a = changed} catch C:R -> {C, R} end.
