%% `beamjs escript SCRIPT ARGS...`: OTP's escript module runs the script
%% (compiled, as `escript -c` does), reading it from init's plain arguments.
%% On BEAM escript:start/1 runs under init's boot functions, whose frames
%% end every error trace; escript's error printer drops trailing frames of
%% its own, so without a caller of ours below it an uncaught error would be
%% printed without its "in function escript:run/2" lines.
-module(beamjs_escript).
-export([start/0]).

start() ->
    escript:start(["c"]),
    ok.
