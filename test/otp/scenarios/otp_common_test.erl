%% Common Test: ct:run_test/1 runs otp_ct_demo_SUITE (suite and test case config, a
%% failing case, a skipped one, a group, ct:log) into a fresh log folder; the console
%% output, the result and the files Common Test writes (names without the run's
%% timestamp) are printed.
-module(otp_common_test).
-export([main/0]).

main() ->
    %% The same folder on erl and beamjs (it appears in the output), emptied first.
    Dir = filename:join(filename:basedir(user_cache, "beamjs-scenarios"), "ct_logs"),
    _ = file:del_dir_r(Dir),
    ok = filelib:ensure_path(Dir),
    Suite = filename:dirname(code:which(otp_ct_demo_SUITE)),
    R = ct:run_test([{suite, otp_ct_demo_SUITE}, {dir, Suite}, {logdir, Dir}, {auto_compile, false}]),
    io:format("result: ~p~n", [R]),
    Files = [re:replace(string:prefix(F, Dir), "\\d{4}-\\d\\d-\\d\\d_\\d\\d\\.\\d\\d\\.\\d\\d", "TIME",
                        [global, {return, list}])
             || F <- filelib:wildcard(Dir ++ "/**/*"), filelib:is_regular(F)],
    io:format("files:~n~s", [[["  ", F, "\n"] || F <- lists:sort(Files)]]),
    [{summary, S}] = [T || F <- filelib:wildcard(Dir ++ "/*/*/*/suite.summary"), {ok, [T]} <- [file:consult(F)]],
    io:format("summary: ~p~n", [S]).
