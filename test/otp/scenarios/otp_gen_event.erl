%% gen_event with two handlers: notify, sync_notify, call, swap,
%% delete_handler, a handler that crashes (removed, logger reports it), and
%% a supervised handler whose manager notifies it of the removal.
-module(otp_gen_event).
-behaviour(gen_event).
-export([main/0]).
-export([init/1, handle_event/2, handle_call/2, handle_info/2, terminate/2]).

main() ->
    {ok, M} = gen_event:start({local, events}),
    ok = gen_event:add_handler(events, {?MODULE, a}, {a, []}),
    ok = gen_event:add_handler(events, {?MODULE, b}, {b, []}),
    io:format("handlers: ~p~n", [lists:sort(gen_event:which_handlers(events))]),
    ok = gen_event:notify(events, hello),
    ok = gen_event:sync_notify(events, world),
    io:format("a saw: ~p~n", [gen_event:call(events, {?MODULE, a}, seen)]),
    io:format("b saw: ~p~n", [gen_event:call(events, {?MODULE, b}, seen)]),
    io:format("unknown handler: ~p~n", [gen_event:call(events, {?MODULE, zzz}, seen)]),
    ok = gen_event:add_sup_handler(events, {?MODULE, c}, {c, []}),
    ok = gen_event:sync_notify(events, crash_c),
    receive Msg -> io:format("supervisor of c got: ~p~n", [element(1, Msg)]) after 500 -> io:format("no message~n") end,
    io:format("handlers: ~p~n", [lists:sort(gen_event:which_handlers(events))]),
    io:format("delete b: ~p~n", [gen_event:delete_handler(events, {?MODULE, b}, bye)]),
    io:format("handlers: ~p~n", [gen_event:which_handlers(events)]),
    M ! info_message,
    timer:sleep(50),
    io:format("a saw: ~p~n", [gen_event:call(events, {?MODULE, a}, seen)]),
    ok = gen_event:stop(events),
    timer:sleep(100),
    done.

init({Name, Seen}) -> {ok, {Name, Seen}}.

handle_event(crash_c, {c, _}) -> erlang:error(c_failed);
handle_event(Event, {Name, Seen}) -> {ok, {Name, [Event | Seen]}}.

handle_call(seen, {_Name, Seen} = S) -> {ok, lists:reverse(Seen), S}.

handle_info(Info, {Name, Seen}) -> {ok, {Name, [{info, Info} | Seen]}}.

terminate(Arg, {Name, _}) ->
    io:format("  terminate ~p: ~p~n", [Name, case Arg of {error, {E, _}} -> {error, E}; _ -> Arg end]).
