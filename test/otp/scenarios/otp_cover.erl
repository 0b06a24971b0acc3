%% cover, as rebar3 and Common Test use it: cover:compile_module/1 on a module's source
%% (OTP's compiler instruments it; the result is loaded as `cover_compiled`),
%% code:which/1 of it, calls counted per line and per clause, cover:modules/0,
%% export/import of the data, an HTML-free text analysis to a file, reset and stop.
%% (Not this module itself: stopping cover purges its modules, which kills a process
%% running one on BEAM; beamjs has no old code to purge.)
-module(otp_cover).
-export([main/0]).

-define(M, otp_cover_lib).

main() ->
    Src = proplists:get_value(source, ?M:module_info(compile)),
    {ok, ?M} = cover:compile_module(Src),
    io:format("which: ~p~n", [code:which(?M)]),
    _ = [?M:classify(X) || X <- [3, 1, 0, -2, 5]],
    io:format("modules: ~p~n", [cover:modules()]),
    io:format("lines: ~p~n", [cover:analyse(?M, calls, line)]),
    io:format("clauses: ~p~n", [cover:analyse(?M, calls, clause)]),
    io:format("coverage: ~p~n", [cover:analyse(?M, coverage, function)]),
    Dir = filename:basedir(user_cache, "beamjs-scenarios"),
    ok = filelib:ensure_path(Dir),
    Data = filename:join(Dir, "otp_cover.coverdata"),
    ok = cover:export(Data, ?M),
    ok = cover:reset(?M),
    io:format("after reset: ~p~n", [cover:analyse(?M, calls, function)]),
    ok = cover:import(Data),
    io:format("imported: ~p~n", [cover:imported_modules()]),
    Out = filename:join(Dir, "otp_cover.out"),
    {ok, Out} = cover:analyse_to_file(?M, Out, []),
    {ok, Text} = file:read_file(Out),
    %% The file names the source and the date: keep the annotated lines.
    Lines = [L || L <- binary:split(Text, <<"\n">>, [global]), binary:match(L, <<"|">>) =/= nomatch],
    io:format("annotated:~n~s~n", [lists:join("\n", Lines)]),
    cover:stop(),
    io:format("stopped: ~p~n", [code:which(?M) =:= cover_compiled]).
