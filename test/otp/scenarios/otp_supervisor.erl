%% supervisor strategies: one_for_one, one_for_all, rest_for_one and
%% simple_one_for_one, children that crash and are restarted (logger's
%% reports), and a restart intensity that is exceeded and takes the
%% supervisor down.
-module(otp_supervisor).
-behaviour(supervisor).
-export([main/0, init/1, start_worker/1, worker/1]).

main() ->
    process_flag(trap_exit, true),
    [run(S) || S <- [one_for_one, one_for_all, rest_for_one]],
    {ok, Sofo} = supervisor:start_link(?MODULE, simple),
    {ok, W1} = supervisor:start_child(Sofo, [w1]),
    {ok, _W2} = supervisor:start_child(Sofo, [w2]),
    io:format("simple children: ~p~n", [length(supervisor:which_children(Sofo))]),
    exit(W1, kill),
    timer:sleep(50),
    io:format("simple count: ~p~n", [supervisor:count_children(Sofo)]),
    {ok, Fragile} = supervisor:start_link(?MODULE, {fragile, 2}),
    kill_restarted(f1, undefined, 3),
    receive {'EXIT', Fragile, Why} -> timer:sleep(100), io:format("fragile supervisor exited: ~p~n", [Why])
    after 2000 -> io:format("fragile supervisor survived~n") end,
    timer:sleep(100),
    done.

run(Strategy) ->
    {ok, Sup} = supervisor:start_link(?MODULE, Strategy),
    Before = pids(),
    exit(whereis(b), crash),
    %% Wait for the restarts: a restarted child comes back under its name with
    %% a new pid; those not restarted keep theirs (a bounded wait for them).
    _ = [wait_new_pid(N, proplists:get_value(N, Before), 20) || N <- [a, b, c]],
    timer:sleep(100),
    After = pids(),
    io:format("~p: restarted ~p~n", [Strategy, [N || {N, P} <- After, P =/= proplists:get_value(N, Before)]]),
    unlink(Sup),
    exit(Sup, shutdown),
    timer:sleep(20).

pids() -> [{N, whereis(N)} || N <- [a, b, c]].

%% Kill the child registered as Name N times, each time once its supervisor
%% has restarted it (a new pid under the name).
kill_restarted(_Name, _Old, 0) -> ok;
kill_restarted(Name, Old, N) ->
    case wait_new_pid(Name, Old, 400) of
        undefined -> ok;
        Pid -> exit(Pid, boom), kill_restarted(Name, Pid, N - 1)
    end.

wait_new_pid(_Name, _Old, 0) -> undefined;
wait_new_pid(Name, Old, Tries) ->
    case whereis(Name) of
        Pid when is_pid(Pid), Pid =/= Old -> Pid;
        _ -> timer:sleep(5), wait_new_pid(Name, Old, Tries - 1)
    end.

init(simple) ->
    {ok, {#{strategy => simple_one_for_one, intensity => 5, period => 10},
          [#{id => w, start => {?MODULE, start_worker, []}, restart => transient}]}};
init({fragile, Max}) ->
    {ok, {#{strategy => one_for_one, intensity => Max, period => 10},
          [child(f1)]}};
init(Strategy) ->
    {ok, {#{strategy => Strategy, intensity => 5, period => 10}, [child(a), child(b), child(c)]}}.

child(Name) ->
    #{id => Name, start => {?MODULE, start_worker, [Name]}}.

start_worker(Name) ->
    Pid = spawn_link(?MODULE, worker, [Name]),
    {ok, Pid}.

worker(Name) ->
    register(Name, self()),
    receive stop -> ok end.
