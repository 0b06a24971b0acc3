%% Loading new code over old: code:load_binary/3 of a second version replaces the first
%% for every later call (call sites that already ran, a process looping through
%% Mod:loop/0, whose local calls stay in the old version until then),
%% erlang:delete_module/1 and code:delete/1 unload (a call is then undef),
%% code:is_loaded/1 reports the file load_binary was given, code:load_file/1 reloads.
-module(code_reload).
-export([main/0]).

source(Version) ->
    "-module(reload_target).\n"
    "-export([version/0, loop/0]).\n"
    "version() -> " ++ integer_to_list(Version) ++ ".\n"
    "loop() -> receive {From, get} -> From ! {self(), version()}, reload_target:loop(); stop -> ok end.\n".

binary(Version) ->
    {ok, Tokens, _} = erl_scan:string(source(Version)),
    Forms = split(Tokens, []),
    {ok, reload_target, Bin} = compile:forms([F || {ok, F} <- [erl_parse:parse_form(T) || T <- Forms]]),
    Bin.

split([], []) -> [];
split([{dot, _} = D | Rest], Acc) -> [lists:reverse([D | Acc]) | split(Rest, [])];
split([T | Rest], Acc) -> split(Rest, [T | Acc]).

ask(Pid) -> Pid ! {self(), get}, receive {Pid, V} -> V after 2000 -> timeout end.

call() -> reload_target:version().

main() ->
    {module, reload_target} = code:load_binary(reload_target, "reload_v1", binary(1)),
    First = [call(), call()],
    Pid = spawn(fun() -> reload_target:loop() end),
    Before = ask(Pid),
    {module, reload_target} = code:load_binary(reload_target, "reload_v2", binary(2)),
    After = [call(), ask(Pid), code:is_loaded(reload_target), code:which(reload_target)],
    Pid ! stop,
    Mon = monitor(process, Pid),
    receive {'DOWN', Mon, process, Pid, _} -> ok end,
    Deleted = [code:purge(reload_target), code:delete(reload_target), code:is_loaded(reload_target),
               erlang:module_loaded(reload_target), try call() catch error:undef -> undef end],
    code:purge(reload_target),
    {module, reload_target} = code:load_binary(reload_target, "reload_v3", binary(3)),
    Again = [call(), erlang:delete_module(reload_target), erlang:module_loaded(reload_target)],
    %% load_file: a fresh copy from the path (this module's own .beam).
    Reloaded = [code:load_file(?MODULE), erlang:module_loaded(?MODULE)],
    {First, Before, After, Deleted, Again, Reloaded}.
