%% Scheduling properties (issue 3), each run on BEAM and on beamjs.
-module(cg_sched).
-export([t_spinner_does_not_starve/0, t_body_recursion_1m/0, t_mutual_tail_10m/0,
         t_spawn_100k/0, t_two_senders_order/0, t_yield_and_after_0/0]).

%% A process in an endless tail-recursive loop does not stop 1,000 others.
t_spinner_does_not_starve() ->
    Spinner = spawn(fun() -> spin(0) end),
    Self = self(),
    [spawn(fun() -> Self ! {done, work(I, 200)} end) || I <- lists:seq(1, 1000)],
    Sum = collect(1000, 0),
    exit(Spinner, kill),
    {Sum, is_process_alive(Spinner)}.

spin(N) -> spin(N + 1).

work(I, 0) -> I;
work(I, K) -> work(I, K - 1).

collect(0, Acc) -> Acc;
collect(N, Acc) -> receive {done, I} -> collect(N - 1, Acc + I) end.

%% Body recursion a million deep.
t_body_recursion_1m() ->
    {sum(1000000), length(build(1000000))}.

sum(0) -> 0;
sum(N) -> N + sum(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

%% Ten million iterations of mutual tail recursion.
t_mutual_tail_10m() ->
    {even(10000000), odd(10000001)}.

even(0) -> true;
even(N) -> odd(N - 1).
odd(0) -> false;
odd(N) -> even(N - 1).

%% 100,000 processes spawn, exchange messages and exit.
t_spawn_100k() ->
    Self = self(),
    Pids = [spawn(fun() -> receive {ping, From} -> From ! {pong, self()} end end)
            || _ <- lists:seq(1, 100000)],
    [P ! {ping, Self} || P <- Pids],
    N = pongs(100000, 0),
    timer:sleep(10),
    {N, length([P || P <- Pids, is_process_alive(P)])}.

pongs(0, N) -> N;
pongs(K, N) -> receive {pong, _} -> pongs(K - 1, N + 1) end.

%% Messages from one sender arrive in the order sent, whatever the other sender does.
t_two_senders_order() ->
    Self = self(),
    [spawn(fun() -> [Self ! {Tag, I} || I <- lists:seq(1, 5000)] end) || Tag <- [a, b]],
    Msgs = [receive M -> M end || _ <- lists:seq(1, 10000)],
    As = [I || {a, I} <- Msgs],
    Bs = [I || {b, I} <- Msgs],
    {As =:= lists:seq(1, 5000), Bs =:= lists:seq(1, 5000)}.

%% erlang:yield/0 and receive after 0 let others run, and return.
t_yield_and_after_0() ->
    Self = self(),
    spawn(fun() -> Self ! hello end),
    erlang:yield(),
    R1 = receive after 0 -> timeout end,
    R2 = receive hello -> got_hello after 1000 -> missing end,
    {R1, R2}.
