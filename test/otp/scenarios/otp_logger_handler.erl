%% A logger handler of the program's own, which logger calls in the process
%% that logs: for a crash report from the emulator that is the logger
%% process, whose group leader is init; its io:format reaches the terminal
%% because init passes I/O requests on to `user`.
-module(otp_logger_handler).
-export([main/0, log/2]).

log(#{level := Level, msg := {report, Report}}, _Config) ->
    io:format("handler got ~p report: ~p~n", [Level, Report]);
log(#{level := Level, msg := {string, S}}, _Config) ->
    io:format("handler got ~p string: ~ts~n", [Level, S]);
log(#{level := Level, msg := {Format, Args}}, _Config) ->
    io:format("handler got ~p: ~s", [Level, io_lib:format(Format, Args)]).

main() ->
    ok = logger:set_handler_config(default, level, none),
    ok = logger:add_handler(mine, ?MODULE, #{}),
    spawn(fun() -> error({crashed, in_spawn}) end),
    timer:sleep(200),
    logger:warning("a warning ~p", [42]),
    logger:error(#{what => report, n => 1}),
    logger:notice("plain string"),
    timer:sleep(200),
    io:format("main done~n").
