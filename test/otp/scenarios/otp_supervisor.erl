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
    [begin exit(whereis(f1), boom), timer:sleep(20) end || _ <- lists:seq(1, 3)],
    receive {'EXIT', Fragile, Why} -> io:format("fragile supervisor exited: ~p~n", [Why])
    after 1000 -> io:format("fragile supervisor survived~n") end,
    timer:sleep(100),
    done.

run(Strategy) ->
    {ok, Sup} = supervisor:start_link(?MODULE, Strategy),
    Before = pids(),
    exit(whereis(b), crash),
    timer:sleep(50),
    After = pids(),
    io:format("~p: restarted ~p~n", [Strategy, [N || {N, P} <- After, P =/= proplists:get_value(N, Before)]]),
    unlink(Sup),
    exit(Sup, shutdown),
    timer:sleep(20).

pids() -> [{N, whereis(N)} || N <- [a, b, c]].

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
