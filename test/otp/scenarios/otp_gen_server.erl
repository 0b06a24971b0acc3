%% A gen_server through call, cast, info, a handle_call timeout reply, a
%% gen_server:call timeout, an idle timeout, a crash (logger's report), and
%% stop with terminate.
-module(otp_gen_server).
-behaviour(gen_server).
-export([main/0]).
-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).

main() ->
    {ok, Pid} = gen_server:start({local, counter}, ?MODULE, 10, []),
    io:format("started, registered: ~p~n", [whereis(counter) =:= Pid]),
    io:format("get: ~p~n", [gen_server:call(counter, get)]),
    ok = gen_server:cast(counter, {add, 5}),
    io:format("after cast: ~p~n", [gen_server:call(counter, get)]),
    counter ! {add, 100},
    io:format("after info: ~p~n", [gen_server:call(counter, get)]),
    io:format("deferred reply: ~p~n", [gen_server:call(counter, deferred)]),
    io:format("call timeout: ~p~n", [catch gen_server:call(counter, {sleep, 200}, 50)]),
    timer:sleep(600),
    io:format("idle timeout seen: ~p~n", [gen_server:call(counter, idle_timeouts)]),
    io:format("unknown call: ~p~n", [catch gen_server:call(nobody, get)]),
    io:format("stop: ~p~n", [gen_server:stop(counter, normal, infinity)]),
    io:format("alive after stop: ~p~n", [whereis(counter)]),
    {ok, P2} = gen_server:start(?MODULE, 0, []),
    Ref = monitor(process, P2),
    gen_server:cast(P2, crash),
    %% The crash's reports go through logger's handler process: let it write them
    %% before this process prints (the order is a race otherwise, on BEAM too).
    receive {'DOWN', Ref, process, P2, Why} -> ok = logger_std_h:filesync(default), io:format("crashed: ~p~n", [element(1, Why)]) end,
    timer:sleep(200),
    io:format("done~n").

init(N) ->
    process_flag(trap_exit, true),
    put(empty_list, []),
    {ok, #{n => N, idle => 0}}.

handle_call(get, _From, #{n := N} = S) -> {reply, N, S};
handle_call(deferred, From, S) ->
    spawn(fun() -> gen_server:reply(From, {deferred, ok}) end),
    {noreply, S};
handle_call({sleep, Ms}, _From, S) -> timer:sleep(Ms), {reply, slept, S, 100};
handle_call(idle_timeouts, _From, #{idle := I} = S) -> {reply, I, S}.

handle_cast({add, K}, #{n := N} = S) -> {noreply, S#{n := N + K}};
handle_cast(crash, S) -> {noreply, S, hd(get(empty_list))}.

handle_info({add, K}, #{n := N} = S) -> {noreply, S#{n := N + K}};
handle_info(timeout, #{idle := I} = S) -> {noreply, S#{idle := I + 1}};
handle_info(_Late, S) -> {noreply, S}.

terminate(Reason, #{n := N}) ->
    io:format("terminate(~p) with n = ~p~n", [Reason, N]).
