%% The process registered as `init`, and the boot of an OTP system on beamjs.
%%
%% OTP's init (preloaded, C-adjacent) reads a boot script through
%% erl_prim_loader and starts the kernel processes; beamjs boots from
%% compiled JavaScript instead, so this module plays init's part: it answers
%% init's request protocol (`{From, Request}` -> `{init, Reply}`: arguments,
%% status, stop/restart) so that OTP code calling init:* runs unmodified, and
%% it starts, in the order a boot script would:
%%   the code server (beamjs_code_server), the application controller with
%%   the kernel application, which starts kernel_sup (see beamjs_kernel), and
%%   the stdlib application.
%% boot/0 returns once the system is up: {ok, UserPid}.
-module(beamjs_init).
-export([boot/0, boot/1, init/2, start_elixir/0]).

-record(state, {status = {starting, starting}, subscribed = [], kernel = []}).

boot() -> boot(full).

%% Mode: `full` (kernel and stdlib applications, logger) or `minimal` (only
%% init, the code server, the I/O servers and the file server).
boot(Mode) ->
    Self = self(),
    Pid = spawn(?MODULE, init, [Self, Mode]),
    Ref = monitor(process, Pid),
    receive
        {Pid, booted, Result} ->
            demonitor(Ref, [flush]),
            Result;
        {'DOWN', Ref, process, Pid, Why} ->
            {error, Why}
    end.

%% What the `elixir` command does before running code (elixir:start_cli/0):
%% the elixir application (which also sets standard_io to binary, unicode)
%% and, when it is on the code path, Elixir's logger application.
start_elixir() ->
    case application:ensure_all_started(elixir) of
        {ok, _} ->
            _ = case code:ensure_loaded('Elixir.Logger') of
                    {module, _} -> application:start(logger);
                    _ -> ok
                end,
            ok;
        {error, _} = E ->
            E
    end.

init(Caller, Mode) ->
    register(init, self()),
    process_flag(trap_exit, true),
    Init = self(),
    BootPid = spawn_link(fun() -> do_boot(Init, Mode) end),
    boot_loop(Caller, BootPid, #state{}).

boot_loop(Caller, BootPid, St) ->
    receive
        {'EXIT', BootPid, {booted, Result}} ->
            Caller ! {self(), booted, Result},
            loop(St#state{status = {started, started}});
        {'EXIT', BootPid, Why} ->
            Caller ! {self(), booted, {error, Why}},
            loop(St#state{status = {started, started}});
        {'EXIT', _Pid, _Why} ->
            boot_loop(Caller, BootPid, St);
        Msg ->
            boot_loop(Caller, BootPid, handle(Msg, St))
    end.

loop(St) ->
    receive
        {'EXIT', _Pid, _Why} -> loop(St);
        Msg -> loop(handle(Msg, St))
    end.

%% ---- init's request protocol (init.erl) ----

handle({stop, Reason}, St) ->
    stop(Reason),
    St;
handle({From, get_plain_arguments}, St) ->
    From ! {init, [unicode:characters_to_binary(A) || A <- beamjs:plain_args()]},
    St;
handle({From, get_arguments}, St) ->
    From ! {init, beamjs:init_args()},
    St;
handle({From, {get_argument, Flag}}, St) ->
    Values = [Vs || {F, Vs} <- beamjs:init_args(), F =:= Flag],
    From ! {init, case Values of [] -> error; _ -> {ok, Values} end},
    St;
handle({From, get_status}, #state{status = Status} = St) ->
    From ! {init, Status},
    St;
handle({From, script_id}, St) ->
    From ! {init, {"beamjs", erlang:system_info(otp_release)}},
    St;
handle({From, fetch_loaded}, St) ->
    From ! {init, []},
    St;
handle({From, {ensure_loaded, Mod}}, St) ->
    From ! {init, code:ensure_loaded(Mod)},
    St;
handle({From, {make_permanent, _Boot, _Config}}, St) ->
    From ! {init, {error, enotsup}},
    St;
handle({From, {notify_when_started, Pid}}, #state{status = Status, subscribed = Subs} = St) ->
    case Status of
        {started, _} ->
            From ! {init, started},
            St;
        _ ->
            From ! {init, ok},
            St#state{subscribed = [Pid | Subs]}
    end;
%% Anything else goes to `user`, as OTP's init does: init is the group
%% leader of the processes started before the application controller (logger
%% among them), so their I/O requests arrive here.
handle(Other, St) ->
    case whereis(user) of
        undefined -> ok;
        User -> User ! Other
    end,
    St.

%% init:stop/0,1, restart and reboot: stop the applications (their
%% terminate callbacks run and may print), then halt. beamjs cannot restart
%% the system in place, so restart and reboot halt too.
stop(Reason) ->
    catch application_controller:stop(),
    case Reason of
        {stop, Status} -> erlang:halt(Status);
        _ -> erlang:halt(0)
    end.

%% ---- the boot sequence ----

do_boot(Init, Mode) ->
    group_leader(Init, self()),
    {ok, _} = beamjs_code_server:start_link(),
    Result = case Mode of
                 minimal -> boot_minimal();
                 full -> boot_full()
             end,
    unlink_all(),
    exit({booted, Result}).

boot_minimal() ->
    User = beamjs_user:start(),
    {ok, StdErr} = beamjs_user:start_link(standard_error),
    unlink(StdErr),
    %% OTP's file server, where the host has files: `file` works too.
    case catch prim_file:get_cwd() of
        {ok, _} -> {ok, _} = file_server:start();
        _ -> ok
    end,
    {ok, User}.

boot_full() ->
    %% erl_prim_loader (OTP's own, over prim_file's NIFs) reads .app files
    %% and lists folders for the application controller and the code module.
    {ok, Loader} = erl_prim_loader:start(),
    %% Its idle timeout alone must not keep a deadlocked run going.
    ok = beamjs:set_background(Loader),
    ok = erl_prim_loader:set_path(beamjs:code_path()),
    %% The boot script's kernel processes: logger's server (its table must
    %% exist before anything logs), then the application controller.
    {ok, _} = logger_server:start_link(),
    KernelApp = app_spec(kernel),
    %% kernel.app names kernel's own callback module, which starts OTP's
    %% distribution and port-based I/O; beamjs_kernel starts the parts that
    %% run on beamjs.
    {ok, _AC} = application_controller:start(with_mod(KernelApp, {beamjs_kernel, []})),
    ok = application:load(app_spec(stdlib)),
    ok = application:start_boot(kernel, permanent),
    ok = application:start_boot(stdlib, permanent),
    {ok, whereis(user)}.

%% The contents of App's .app file.
app_spec(App) ->
    Ebin = filename:join(code:lib_dir(App), "ebin"),
    File = filename:join(Ebin, atom_to_list(App) ++ ".app"),
    case erl_prim_loader:get_file(File) of
        {ok, Bin, _} ->
            {ok, Tokens, _} = erl_scan:string(unicode:characters_to_list(Bin)),
            {ok, Spec} = erl_parse:parse_term(Tokens),
            Spec;
        Error ->
            exit({cannot_read, File, Error})
    end.

with_mod({application, Name, Props}, Mod) ->
    {application, Name, lists:keystore(mod, 1, Props, {mod, Mod})}.

%% The processes started during boot belong to the system, not to the boot
%% process: leave them running when it exits.
unlink_all() ->
    {links, Links} = process_info(self(), links),
    [unlink(P) || P <- Links, P =/= whereis(init)],
    ok.
