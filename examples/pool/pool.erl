%% The README's demo: a supervised worker pool, in one module.
%%
%% pool_sup (a supervisor, one_for_one) runs a pool manager (a gen_server
%% that hands out jobs) and N workers (gen_servers). Each job computes the
%% number of primes below a bound. One job makes its worker crash: the
%% supervisor restarts the worker (logger prints the supervisor report) and
%% the manager gives the job to another worker. Progress is printed with
%% io:format; main/0 returns once every job is done.
-module(pool).
%% (It is both a supervisor and gen_server callback module, so it names
%% neither behaviour: their init/1 callbacks would conflict.)
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2]).
-export([start_manager/1, start_worker/1]).

-define(WORKERS, 4).

main() ->
    Jobs = [{primes_below, N} || N <- [1000, 20000, 5000, 30000, 12000, 8000]] ++ [crash_once],
    {ok, Sup} = supervisor:start_link({local, pool_sup}, ?MODULE, {sup, ?WORKERS}),
    io:format("pool of ~p workers started under ~p~n", [?WORKERS, Sup]),
    Results = gen_server:call(pool_manager, {run, Jobs}, infinity),
    [io:format("  ~p -> ~p~n", [Job, R]) || {Job, R} <- lists:sort(Results)],
    io:format("~p jobs done; jobs retried after a crash: ~p; workers alive: ~p~n",
              [length(Results), gen_server:call(pool_manager, restarts), workers_alive()]),
    ok.

workers_alive() ->
    length([P || {{worker, _}, P, _, _} <- supervisor:which_children(pool_sup), is_pid(P)]).

%% ---- supervisor ----

init({sup, N}) ->
    Manager = #{id => manager, start => {?MODULE, start_manager, [N]}},
    Workers = [#{id => {worker, I}, start => {?MODULE, start_worker, [I]}} || I <- lists:seq(1, N)],
    {ok, {#{strategy => one_for_one, intensity => 5, period => 10}, [Manager | Workers]}};

%% ---- the manager: a queue of jobs and a set of idle workers ----

init({manager, _N}) ->
    {ok, #{queue => [], idle => [], busy => #{}, results => [], caller => none, total => 0, restarts => 0}};

%% ---- a worker: registers with the manager, runs one job at a time ----

init({worker, I}) ->
    gen_server:cast(pool_manager, {ready, self()}),
    {ok, #{id => I}}.

start_manager(N) -> gen_server:start_link({local, pool_manager}, ?MODULE, {manager, N}, []).
start_worker(I) -> gen_server:start_link(?MODULE, {worker, I}, []).

handle_call({run, Jobs}, From, S) ->
    dispatch(S#{queue := Jobs, caller := From, total := length(Jobs)});
handle_call(restarts, _From, #{restarts := R} = S) ->
    {reply, R, S}.

handle_cast({ready, W}, #{busy := Busy} = S) ->
    %% A new worker (or a restarted one) is ready; link to notice crashes.
    link(W),
    process_flag(trap_exit, true),
    dispatch(S#{idle := [W | maps:get(idle, S)], busy := maps:remove(W, Busy)});
handle_cast({done, W, Job, Result}, #{busy := Busy, results := Rs} = S) ->
    io:format("worker ~p finished ~p~n", [W, Job]),
    dispatch(S#{idle := [W | maps:get(idle, S)], busy := maps:remove(W, Busy),
                results := [{Job, Result} | Rs]});
handle_cast({job, Job}, #{id := _} = S) ->
    Result = run(Job),
    gen_server:cast(pool_manager, {done, self(), Job, Result}),
    {noreply, S}.

handle_info({'EXIT', W, Why}, #{busy := Busy, queue := Q, restarts := R} = S) when Why =/= normal ->
    case maps:find(W, Busy) of
        {ok, Job} ->
            io:format("worker ~p died running ~p; the job goes back in the queue~n", [W, Job]),
            dispatch(S#{busy := maps:remove(W, Busy), queue := Q ++ [retry(Job)], restarts := R + 1});
        error ->
            {noreply, S#{idle := lists:delete(W, maps:get(idle, S))}}
    end;
handle_info(_Other, S) ->
    {noreply, S}.

dispatch(#{queue := [Job | Rest], idle := [W | Idle], busy := Busy} = S) ->
    gen_server:cast(W, {job, Job}),
    dispatch(S#{queue := Rest, idle := Idle, busy := Busy#{W => Job}});
dispatch(#{caller := From, results := Rs, total := Total} = S) when From =/= none, length(Rs) =:= Total ->
    gen_server:reply(From, Rs),
    {noreply, S#{caller := none}};
dispatch(S) ->
    {noreply, S}.

retry(crash_once) -> crashed_once;
retry(Job) -> Job.

run({primes_below, N}) -> length(primes(N));
run(crash_once) -> exit(deliberate_crash);
run(crashed_once) -> recovered.

primes(N) -> [X || X <- lists:seq(2, N - 1), is_prime(X, 2)].

is_prime(X, D) when D * D > X -> true;
is_prime(X, D) when X rem D =:= 0 -> false;
is_prime(X, D) -> is_prime(X, D + 1).
