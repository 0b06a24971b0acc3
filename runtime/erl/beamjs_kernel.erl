%% The kernel application's callback module on beamjs (beamjs_init puts it in
%% place of `kernel` in kernel.app's `mod`).
%%
%% OTP's kernel:start/2 does three things: it initialises logger, starts the
%% kernel_sup supervision tree and adds logger's handlers. This does the same
%% with OTP's own modules, except for the children that need what beamjs does
%% not have (distribution, inet_db, ports behind `user`/`standard_error`,
%% global): the code server is beamjs_code_server (started by init, as
%% OTP's is started before applications load), and `user`/`standard_error`
%% are beamjs_user I/O servers. kernel_safe_sup is OTP's kernel:init(safe).
-module(beamjs_kernel).
-behaviour(application).
-behaviour(supervisor).
-export([start/2, stop/1, init/1]).

start(_Type, []) ->
    ok = logger:internal_init_logger(),
    case supervisor:start_link({local, kernel_sup}, ?MODULE, []) of
        {ok, Pid} ->
            ok = logger:add_handlers(kernel),
            {ok, Pid, []};
        Error ->
            Error
    end.

stop(_State) -> ok.

init([]) ->
    SupFlags = #{strategy => one_for_all, intensity => 0, period => 1},
    Worker = fun(Id, Start, Modules) ->
                     #{id => Id, start => Start, restart => permanent,
                       shutdown => 2000, type => worker, modules => Modules}
             end,
    Sup = fun(Id, Start, Restart, Modules) ->
                  #{id => Id, start => Start, restart => Restart,
                    shutdown => infinity, type => supervisor, modules => Modules}
          end,
    File = case file_server_available() of
               true -> [Worker(file_server_2, {file_server, start_link, []},
                               [file, file_server, file_io_server, prim_file])];
               false -> []
           end,
    Children =
        File ++
        [Worker(erl_signal_server, {gen_event, start_link, [{local, erl_signal_server}]}, dynamic),
         Worker(standard_error, {beamjs_user, start_link, [standard_error]}, [beamjs_user]),
         #{id => user, start => {user_sup, start, []}, restart => temporary,
           shutdown => 2000, type => supervisor, modules => [user_sup]},
         Worker(kernel_config, {kernel_config, start_link, []}, [kernel_config]),
         Worker(kernel_refc, {kernel_refc, start_link, []}, [kernel_refc]),
         Sup(kernel_safe_sup, {supervisor, start_link, [{local, kernel_safe_sup}, kernel, safe]},
             permanent, [kernel]),
         Sup(logger_sup, {logger_sup, start_link, []}, permanent, [logger_sup])],
    {ok, {SupFlags, Children}}.

%% file_server_2 needs prim_file's NIFs, which a browser host lacks.
file_server_available() ->
    case catch prim_file:get_cwd() of
        {ok, _} -> true;
        _ -> false
    end.
