%% An application with its .app file (otp_demo_app.app): loaded, started
%% with application:ensure_all_started/1, its environment read and set, its
%% supervision tree used, then stopped (logger's info report is not printed
%% at the default level; the stop callbacks print).
-module(otp_application).
-behaviour(application).
-behaviour(supervisor).
-export([main/0, start/2, prep_stop/1, stop/1, init/1, start_worker/1, worker/1]).

main() ->
    io:format("loaded before: ~p~n", [lists:keymember(otp_demo_app, 1, application:loaded_applications())]),
    io:format("ensure_all_started: ~p~n", [application:ensure_all_started(otp_demo_app)]),
    io:format("again: ~p~n", [application:ensure_all_started(otp_demo_app)]),
    io:format("greeting: ~p~n", [application:get_env(otp_demo_app, greeting)]),
    io:format("missing key: ~p~n", [application:get_env(otp_demo_app, missing)]),
    ok = application:set_env(otp_demo_app, greeting, "bonjour"),
    io:format("greeting now: ~p~n", [application:get_env(otp_demo_app, greeting, none)]),
    io:format("running: ~p~n", [[A || {A, _, _} <- application:which_applications(), A =:= otp_demo_app]]),
    io:format("key vsn: ~p~n", [application:get_key(otp_demo_app, vsn)]),
    io:format("children: ~p~n", [[Id || {Id, _, _, _} <- supervisor:which_children(otp_demo_sup)]]),
    io:format("worker answers: ~p~n", [[call(W) || W <- [w1, w2]]]),
    io:format("application of worker: ~p~n", [rpc_app(w1)]),
    io:format("stop: ~p~n", [application:stop(otp_demo_app)]),
    timer:sleep(100), % logger's report of the stop comes from another process
    io:format("sup after stop: ~p~n", [whereis(otp_demo_sup)]),
    io:format("stop again: ~p~n", [application:stop(otp_demo_app)]),
    io:format("unknown app: ~p~n", [application:ensure_all_started(no_such_app)]),
    done.

call(W) ->
    W ! {self(), ping},
    receive {W, Answer} -> Answer after 1000 -> timeout end.

rpc_app(W) ->
    W ! {self(), which_app},
    receive {W, App} -> App after 1000 -> timeout end.

start(normal, []) ->
    io:format("  start callback~n"),
    supervisor:start_link({local, otp_demo_sup}, ?MODULE, []).

prep_stop(State) ->
    io:format("  prep_stop callback~n"),
    State.

stop(_State) ->
    io:format("  stop callback~n").

init([]) ->
    {ok, N} = application:get_env(otp_demo_app, workers),
    Names = [list_to_atom("w" ++ integer_to_list(I)) || I <- lists:seq(1, N)],
    {ok, {#{strategy => one_for_one},
          [#{id => Name, start => {?MODULE, start_worker, [Name]}} || Name <- Names]}}.

start_worker(Name) ->
    {ok, spawn_link(?MODULE, worker, [Name])}.

worker(Name) ->
    register(Name, self()),
    worker_loop(Name).

worker_loop(Name) ->
    receive
        {From, ping} -> From ! {Name, {pong, Name}};
        {From, which_app} -> From ! {Name, application:get_application()}
    end,
    worker_loop(Name).
