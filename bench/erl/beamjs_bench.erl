%% The erl side of beamjs's benchmarks (bench/): each benchmark is a function
%% of one argument; median/3 runs it several times and returns the median
%% wall-clock time in milliseconds, excluding erl's start-up.
-module(beamjs_bench).
-export([median/3, read_otp/1]).

median(Name, Arg, Runs) ->
    _ = ?MODULE:Name(Arg),
    Ts = lists:sort([element(1, timer:tc(?MODULE, Name, [Arg])) / 1000 || _ <- lists:seq(1, Runs)]),
    lists:nth((Runs + 1) div 2, Ts).

%% Disassemble every .beam under Root/lib/*/ebin: the erl equivalent of
%% reading and decoding them (beam_disasm is what OTP itself offers for it).
read_otp(Root) ->
    Files = filelib:wildcard(Root ++ "/lib/*/ebin/*.beam"),
    lists:foldl(fun(F, N) ->
                        {beam_file, _, _, _, _, Code} = beam_disasm:file(F),
                        N + length(Code)
                end, 0, Files).
