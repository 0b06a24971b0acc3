%% os:cmd/1,2 (OTP's os.erl over open_port): output with stderr, deep and atom commands,
%% max_size, the runtime's environment and current directory, background jobs, errors.
-module(os_cmd).
-export([main/0]).

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    R = [os:cmd("echo hi; echo err >&2"), os:cmd("printf 'a\\nb'"), os:cmd("exit 3"),
         os:cmd(["ec", "ho", [" deep"]]), os:cmd('echo atom'), os:cmd("echo $((6*7))", #{max_size => 1}),
         os:cmd("cd /tmp && pwd"), os:cmd("printf '\\303\\274'"), os:cmd("printf '\\377'"),
         length(os:cmd("seq 1 20000")), os:cmd("cat"), os:cmd("sleep 10 & echo bg"), os:cmd("true"),
         c(fun() -> os:cmd({bad}) end), c(fun() -> os:cmd("x", bad) end)],
    os:putenv("BEAMJS_OS_CMD", "v1"),
    Env = os:cmd("echo $BEAMJS_OS_CMD"),
    os:unsetenv("BEAMJS_OS_CMD"),
    {ok, Cwd} = file:get_cwd(),
    ok = file:set_cwd("/usr"),
    Dir = os:cmd("pwd"),
    ok = file:set_cwd(Cwd),
    {R, Env, Dir}.
