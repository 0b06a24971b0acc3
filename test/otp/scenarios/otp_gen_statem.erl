%% gen_statem in both callback modes: a door lock with state_functions
%% (state timeout relocks it, postponed events, state enter calls) and a
%% counter with handle_event_function (generic timeouts, event timeouts,
%% next_event actions), then stop with terminate.
-module(otp_gen_statem).
-export([main/0]).
-export([callback_mode/0, init/1, locked/3, open/3, handle_event/4, terminate/3]).

main() ->
    {ok, Door} = gen_statem:start(?MODULE, {door, [1, 2, 3]}, []),
    io:format("state: ~p~n", [gen_statem:call(Door, state)]),
    [gen_statem:cast(Door, {button, B}) || B <- [1, 2, 3]],
    io:format("state after code: ~p~n", [gen_statem:call(Door, state)]),
    timer:sleep(150),
    io:format("state after state_timeout: ~p~n", [gen_statem:call(Door, state)]),
    gen_statem:cast(Door, {button, 9}),
    io:format("wrong code: ~p~n", [gen_statem:call(Door, state)]),
    io:format("stop door: ~p~n", [gen_statem:stop(Door)]),
    {ok, Cnt} = gen_statem:start(?MODULE, counter, []),
    io:format("counter: ~p~n", [gen_statem:call(Cnt, get)]),
    gen_statem:cast(Cnt, inc),
    gen_statem:cast(Cnt, inc_twice),
    io:format("counter: ~p~n", [gen_statem:call(Cnt, get)]),
    timer:sleep(120),
    io:format("after generic timeout: ~p~n", [gen_statem:call(Cnt, get)]),
    io:format("postponed: ~p~n", [gen_statem:call(Cnt, {postpone_until_inc, self()})]),
    io:format("stop counter: ~p~n", [gen_statem:stop(Cnt, shutdown, infinity)]),
    done.

callback_mode() ->
    case get(mode) of
        counter -> handle_event_function;
        _ -> [state_functions, state_enter]
    end.

init({door, Code}) ->
    put(mode, door),
    {ok, locked, #{code => Code, input => []}};
init(counter) ->
    put(mode, counter),
    {ok, 0, #{waiting => none}, [{{timeout, tick}, 100, tock}]}.

locked(enter, _Old, Data) ->
    io:format("  enter locked~n"),
    {keep_state, Data#{input := []}};
locked(cast, {button, B}, #{code := Code, input := In} = Data) ->
    case In ++ [B] of
        Code -> {next_state, open, Data};
        Next when length(Next) < length(Code) -> {keep_state, Data#{input := Next}};
        _ -> {keep_state, Data#{input := []}}
    end;
locked({call, From}, state, Data) ->
    {keep_state, Data, [{reply, From, locked}]}.

open(enter, _Old, Data) ->
    io:format("  enter open~n"),
    {keep_state, Data, [{state_timeout, 100, lock}]};
open(state_timeout, lock, Data) ->
    io:format("  state_timeout: lock~n"),
    {next_state, locked, Data};
open(cast, {button, _}, Data) ->
    {keep_state, Data};
open({call, From}, state, Data) ->
    {keep_state, Data, [{reply, From, open}]}.

handle_event({call, From}, get, N, _Data) ->
    {keep_state_and_data, [{reply, From, N}]};
handle_event(cast, inc, N, Data) ->
    {next_state, N + 1, Data};
handle_event(cast, inc_twice, N, Data) ->
    {next_state, N + 1, Data, [{next_event, cast, inc}]};
handle_event({timeout, tick}, tock, N, Data) ->
    io:format("  generic timeout tick at ~p~n", [N]),
    {next_state, N + 10, Data};
handle_event({call, From}, {postpone_until_inc, Self}, N, Data) when N < 1000 ->
    Self =/= undefined andalso gen_statem:cast(self(), big_inc),
    {keep_state, Data#{waiting := From}, [postpone]};
handle_event(cast, big_inc, N, #{waiting := From} = Data) ->
    {next_state, N + 1000, Data, [{reply, From, {now, N + 1000}}]};
handle_event({call, From}, {postpone_until_inc, _}, N, _Data) ->
    {keep_state_and_data, [{reply, From, {already, N}}]}.

terminate(Reason, State, _Data) ->
    io:format("  terminate(~p) in state ~p~n", [Reason, State]).
