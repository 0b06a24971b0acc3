%% The reference server for beamjs's differential tests: one long-lived BEAM per
%% test run. Test workers connect over loopback TCP ({packet,4}) and send
%% <<Mode, ErlangExpressionText/binary>>; the server evaluates the expressions
%% with erl_eval and answers <<0, Payload/binary>> or <<1, ErrorText/binary>>.
%%   Mode $b: Payload = term_to_binary(Value, [{minor_version,2}])
%%   Mode $t: Payload = unicode:characters_to_binary(Value)   (Value is chardata)
%% The server halts when its standard input closes (the test run ended).
-module(beamjs_ref_server).
-export([main/0]).

%% How long one request may run (ms).
-define(TIMEOUT, 300000).
%% How long the server waits for a request before it halts (ms).
-define(IDLE, 900000).

main() ->
    {ok, L} = gen_tcp:listen(0, [binary, {packet, 4}, {active, false},
                                 {ip, {127, 0, 0, 1}}, {reuseaddr, true}]),
    {ok, Port} = inet:port(L),
    io:format("PORT ~w~n", [Port]),
    spawn(fun watch_stdin/0),
    register(beamjs_ref_watchdog, spawn(fun watchdog/0)),
    accept(L).

%% Halts after ?IDLE ms without a request: a test run that died without
%% closing our standard input must not leave this VM behind.
watchdog() ->
    receive
        request -> watchdog()
    after ?IDLE ->
        erlang:halt(0)
    end.

watch_stdin() ->
    case io:get_line('') of
        eof -> erlang:halt(0);
        {error, _} -> erlang:halt(0);
        _ -> watch_stdin()
    end.

accept(L) ->
    {ok, S} = gen_tcp:accept(L),
    Pid = spawn(fun() -> receive go -> serve(S) end end),
    ok = gen_tcp:controlling_process(S, Pid),
    Pid ! go,
    accept(L).

serve(S) ->
    case gen_tcp:recv(S, 0) of
        {ok, <<Mode, Expr/binary>>} ->
            beamjs_ref_watchdog ! request,
            ok = gen_tcp:send(S, answer(Mode, Expr)),
            serve(S);
        {error, _} ->
            ok
    end.

answer(Mode, Expr) ->
    %% Each request is evaluated in a fresh process so that a crash, a
    %% leftover message or a process-dictionary entry cannot leak into the next.
    Parent = self(),
    {Pid, MRef} = spawn_monitor(fun() -> Parent ! {self(), eval(Mode, Expr)} end),
    receive
        {Pid, Reply} -> erlang:demonitor(MRef, [flush]), Reply;
        {'DOWN', MRef, process, Pid, Reason} ->
            <<1, (unicode:characters_to_binary(io_lib:format("evaluator died: ~p", [Reason])))/binary>>
    after ?TIMEOUT ->
        %% A runaway evaluation must not outlive the test that asked for it.
        exit(Pid, kill),
        erlang:demonitor(MRef, [flush]),
        <<1, "evaluation timed out">>
    end.

eval(Mode, Expr) ->
    try
        Text = unicode:characters_to_list(Expr),
        {ok, Toks, _} = erl_scan:string(Text ++ "."),
        {ok, Exprs} = erl_parse:parse_exprs(Toks),
        {value, V, _} = erl_eval:exprs(Exprs, erl_eval:new_bindings()),
        case Mode of
            $b -> <<0, (term_to_binary(V, [{minor_version, 2}]))/binary>>;
            $t -> <<0, (unicode:characters_to_binary(V))/binary>>
        end
    catch
        C:R:St ->
            Msg = io_lib:format("~p:~p~n~p", [C, R, St]),
            <<1, (unicode:characters_to_binary(Msg))/binary>>
    end.
