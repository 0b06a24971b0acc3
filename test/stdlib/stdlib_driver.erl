%% The driver of test/stdlib/properties.test.ts: runs a list of calls into
%% OTP's stdlib on whichever system loads it (erl, or beamjs compiling the
%% same .beam files) and returns each outcome, so both can be compared.
%%
%% A call is {apply, M, F, Args}; {via, Call1, M, F, Args}: apply M:F to Args
%% with the atom '$x' replaced by the result of Call1 (to look at a data
%% structure through its API); {scan, Source}; {parse, Source};
%% {rand, Alg, Seed, N}; {format, Format, Args}. An argument {'$call', Call}
%% is the result of Call.
-module(stdlib_driver).
-export([run/1]).

run(Calls) -> [outcome(C) || C <- Calls].

outcome(Call) ->
    try {ok, call(Call)}
    catch Class:Reason -> {Class, Reason}
    end.

call({apply, M, F, A}) -> apply(M, F, [arg(X) || X <- A]);
call({via, Inner, M, F, A}) ->
    X = call(Inner),
    apply(M, F, [case Arg of '$x' -> X; _ -> arg(Arg) end || Arg <- A]);
call({scan, Src}) -> erl_scan:string(Src);
call({parse, Src}) ->
    case erl_scan:string(Src) of
        {ok, Toks, _} -> erl_parse:parse_exprs(Toks);
        Error -> Error
    end;
call({rand, Alg, Seed, N}) ->
    S0 = rand:seed_s(Alg, Seed),
    {Ints, S1} = lists:mapfoldl(fun(_, S) -> rand:uniform_s(1000, S) end, S0, lists:seq(1, N)),
    {Floats, S2} = lists:mapfoldl(fun(_, S) -> rand:uniform_s(S) end, S1, lists:seq(1, N)),
    {Normal, _} = rand:normal_s(S2),
    {Ints, Floats, Normal};
call({format, F, A}) -> lists:flatten(io_lib:format(F, A)).

%% {'$call', Call}: an argument built by a call (a map, set, ... to pass in).
arg({'$call', C}) -> call(C);
arg(X) -> X.
