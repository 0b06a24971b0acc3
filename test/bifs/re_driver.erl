%% Runs a list of re cases (built by test/bifs/re.test.ts) and returns one
%% result per case, exceptions caught as {Class, Reason}. Compiled patterns
%% lose their binary (PCRE's on BEAM, beamjs's own encoding on beamjs).
-module(re_driver).
-export([run/1]).

run(Cases) -> [one(C) || C <- Cases].

one(Case) ->
    try do(Case) of
        R -> norm(R)
    catch
        C:R -> {C, R}
    end.

do({run, S, P}) -> re:run(S, P);
do({run, S, P, O}) -> re:run(S, P, O);
do({crun, S, P, CO, O}) -> {ok, MP} = re:compile(P, CO), re:run(S, MP, O);
do({compile, P}) -> re:compile(P);
do({compile, P, O}) -> re:compile(P, O);
do({replace, S, P, R}) -> re:replace(S, P, R);
do({replace, S, P, R, O}) -> re:replace(S, P, R, O);
do({split, S, P}) -> re:split(S, P);
do({split, S, P, O}) -> re:split(S, P, O);
do({inspect, P, O}) -> {ok, MP} = re:compile(P, O), re:inspect(MP, namelist);
do(version) -> re:version().

norm({ok, {re_pattern, N, U, C, B}}) when is_binary(B) -> {ok, {re_pattern, N, U, C}};
norm(R) -> R.
