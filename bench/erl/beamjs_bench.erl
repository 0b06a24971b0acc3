%% The erl side of beamjs's benchmarks (bench/): each benchmark is a function
%% of one argument; median/3 runs it several times and returns the median
%% wall-clock time in milliseconds, excluding erl's start-up.
-module(beamjs_bench).
-export([median/3, read_otp/1]).
-export([fib/1, tak/1, ring/1, spawn_exit/1, selective/1]).
-export([sort/1, format/1, ets/1, maps/1, gen_call/1]).
-export([nbody/1, binary_trees/1, pidigits/1, spectral_norm/1, mandelbrot/1]).
-export([init/1, handle_call/3, handle_cast/2]).

median(Name, Arg, Runs) ->
    _ = ?MODULE:Name(Arg),
    Ts = lists:sort([element(1, timer:tc(?MODULE, Name, [Arg])) / 1000 || _ <- lists:seq(1, Runs)]),
    lists:nth((Runs + 1) div 2, Ts).

%% Disassemble every .beam under Root/lib/*/ebin: the erl equivalent of
%% reading and decoding them (beam_disasm is what OTP itself offers for it).
read_otp(Root) ->
    Files = filelib:wildcard(Root ++ "/lib/*/ebin/*.beam"),
    lists:foldl(fun(F, N) ->
                        {beam_file, _, _, _, _, Code} = beam_disasm:file(F),
                        N + length(Code)
                end, 0, Files).

%% ---- Programs measured on both erl and beamjs (bench/programs.ts) ----

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

%% tak({X, Y, Z}): Takeuchi's function, deep non-tail recursion.
tak({X, Y, Z}) -> tak(X, Y, Z).
tak(X, Y, Z) when Y < X -> tak(tak(X - 1, Y, Z), tak(Y - 1, Z, X), tak(Z - 1, X, Y));
tak(_, _, Z) -> Z.

%% ring({N, M}): N processes in a ring pass a token M times around.
ring({N, M}) ->
    Self = self(),
    First = lists:foldl(fun(_, Next) -> spawn(fun() -> relay(Next) end) end, Self, lists:seq(1, N - 1)),
    First ! M,
    ring_main(First).

%% The token comes back to the main process once per lap (N messages).
ring_main(First) ->
    receive
        0 -> First ! stop, receive stop -> ok end;
        K -> First ! K - 1, ring_main(First)
    end.

relay(Next) ->
    receive
        stop -> Next ! stop;
        K -> Next ! K, relay(Next)
    end.

%% spawn_exit(N): N processes spawned one after another, each exiting at once,
%% with a monitor to see it go.
spawn_exit(0) -> ok;
spawn_exit(N) ->
    {Pid, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Pid, normal} -> spawn_exit(N - 1) end.

%% selective(N): N unmatched messages in the mailbox, then N selective
%% receives of messages sent after them (each scan passes the N old ones).
selective(N) ->
    Self = self(),
    [Self ! {noise, I} || I <- lists:seq(1, N)],
    [begin Self ! {wanted, I}, receive {wanted, I} -> ok end end || I <- lists:seq(1, N)],
    flush(N).

flush(0) -> ok;
flush(N) -> receive {noise, _} -> flush(N - 1) end.

%% ---- OTP library and runtime services (issue 4) ----

%% sort(N): lists:sort of N pseudo-random integers (a fixed LCG sequence).
sort(N) -> length(lists:sort(lcg(N, 12345, []))).

lcg(0, _, Acc) -> Acc;
lcg(N, X, Acc) -> X1 = (X * 1103515245 + 12345) band 16#7fffffff, lcg(N - 1, X1, [X1 | Acc]).

%% format(N): io_lib:format ~p of a term with N small records in a deep
%% structure, flattened.
format(N) ->
    Term = [{item, I, integer_to_list(I), #{key => I, tags => [a, b, c]}, {nested, [I, I + 1]}}
            || I <- lists:seq(1, N)],
    length(lists:flatten(io_lib:format("~p", [Term]))).

%% ets(N): N inserts into a set table, then N lookups.
ets(N) ->
    T = ets:new(bench, [set]),
    [ets:insert(T, {I, I * 2}) || I <- lists:seq(1, N)],
    S = lists:foldl(fun(I, Acc) -> [{_, V}] = ets:lookup(T, I), Acc + V end, 0, lists:seq(1, N)),
    ets:delete(T),
    S.

%% maps(N): a map of N integer keys built with maps:put, then every key read.
maps(N) ->
    M = lists:foldl(fun(I, Acc) -> maps:put(I, I, Acc) end, #{}, lists:seq(1, N)),
    lists:foldl(fun(I, Acc) -> Acc + maps:get(I, M) end, 0, lists:seq(1, N)).

%% gen_call(N): N gen_server:call round trips to a counter server.
gen_call(N) ->
    {ok, Pid} = gen_server:start(?MODULE, 0, []),
    R = gen_call_loop(Pid, N),
    gen_server:stop(Pid),
    R.

gen_call_loop(Pid, 0) -> gen_server:call(Pid, get);
gen_call_loop(Pid, N) -> gen_server:call(Pid, inc), gen_call_loop(Pid, N - 1).

init(N) -> {ok, N}.
handle_call(inc, _From, N) -> {reply, ok, N + 1};
handle_call(get, _From, N) -> {reply, N, N}.
handle_cast(_Msg, N) -> {noreply, N}.

%% ---- Benchmarks-game programs (test/programs/bg_*.erl, compiled beside this) ----

nbody(N) -> bg_nbody:run(N).
binary_trees(N) -> bg_trees:run(N).
pidigits(N) -> bg_pidigits:run(N).
spectral_norm(N) -> bg_spectral:run(N).
mandelbrot(N) -> bg_mandel:run(N).
