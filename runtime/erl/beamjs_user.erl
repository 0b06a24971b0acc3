%% The I/O servers behind `user` and `standard_error`: they speak the Erlang
%% I/O protocol (the one io and file_io_server speak), as OTP 25's `user`
%% and `standard_error` do under `erl -noshell`: the device encoding is
%% latin1 until io:setopts/1 says otherwise, so characters above 255 are
%% written as \x{H} and input bytes are characters. Output goes out as bytes
%% through beamjs:write/2 (stdout/stderr in Node, the console in a browser).
%% `user` also reads: beamjs:read_input/0 hands over the next chunk of stdin
%% (bytes, or eof), and OTP's own io_lib collectors cut lines, chars and
%% tokens out of what has been read, as in file_io_server.
-module(beamjs_user).
-export([start/0, start_link/1, init/2]).

-record(st, {stream :: standard_output | standard_error,
             buf = [] :: [char()] | eof,
             binary = false :: boolean(),
             encoding = latin1 :: unicode | latin1}).

%% `user`: started by user_sup when init's arguments say `-user beamjs_user`.
start() ->
    Pid = spawn(?MODULE, init, [user, standard_output]),
    wait_registered(user, Pid),
    Pid.

%% A named server linked to the caller: `standard_error` under kernel_sup.
start_link(standard_error) ->
    Pid = spawn_link(?MODULE, init, [standard_error, standard_error]),
    wait_registered(standard_error, Pid),
    {ok, Pid}.

wait_registered(Name, Pid) ->
    Ref = monitor(process, Pid),
    Pid ! {self(), Ref, registered_yet},
    receive
        {Ref, registered} -> demonitor(Ref, [flush]);
        {'DOWN', Ref, _, _, Why} -> exit({Name, Why})
    end.

init(Name, Stream) ->
    register(Name, self()),
    receive {From, Ref, registered_yet} -> From ! {Ref, registered} end,
    loop(#st{stream = Stream}).

loop(St0) ->
    receive
        {io_request, From, ReplyAs, Request} ->
            {Reply, St} = request(Request, St0),
            From ! {io_reply, ReplyAs, Reply},
            loop(St);
        _Other ->
            loop(St0)
    end.

%% ---- requests ----

request({put_chars, Encoding, Chars}, St) ->
    {put_chars(Encoding, Chars, St), St};
request({put_chars, Encoding, M, F, A}, St) ->
    try apply(M, F, A) of
        Chars -> {put_chars(Encoding, Chars, St), St}
    catch
        _:_ -> {{error, F}, St}
    end;
request({put_chars, Chars}, St) -> request({put_chars, latin1, Chars}, St);
request({put_chars, M, F, A}, St) -> request({put_chars, latin1, M, F, A}, St);
request({requests, Requests}, St) ->
    requests(Requests, {ok, St});
request({get_chars, Enc, Prompt, N}, St) ->
    get_until(Enc, Prompt, io_lib, collect_chars, N, St);
request({get_chars, Prompt, N}, St) ->
    request({get_chars, latin1, Prompt, N}, St);
request({get_line, Enc, Prompt}, St) ->
    get_until(Enc, Prompt, io_lib, collect_line, [], St);
request({get_line, Prompt}, St) ->
    request({get_line, latin1, Prompt}, St);
request({get_until, Enc, Prompt, M, F, A}, St) ->
    get_until(Enc, Prompt, io_lib, get_until, {M, F, A}, St);
request({get_until, Prompt, M, F, A}, St) ->
    get_until(latin1, Prompt, io_lib, get_until, {M, F, A}, St);
request({setopts, Opts}, St) ->
    setopts(Opts, St);
request(getopts, #st{binary = Bin, encoding = Enc} = St) ->
    {[{binary, Bin}, {encoding, Enc}], St};
request({get_geometry, _}, St) ->
    {{error, enotsup}, St};
request(_Other, St) ->
    {{error, request}, St}.

requests([], Result) -> Result;
requests([R | Rs], {ok, St}) -> requests(Rs, request(R, St));
requests([R | Rs], {{ok, _}, St}) -> requests(Rs, request(R, St));
requests([R | Rs], {ok_reply, St}) -> requests(Rs, request(R, St));
requests(_, Error) -> Error.

setopts(Opts, St) ->
    try lists:foldl(fun setopt/2, St, Opts) of
        St1 -> {ok, St1}
    catch
        throw:bad -> {{error, enotsup}, St}
    end.

setopt(binary, St) -> St#st{binary = true};
setopt(list, St) -> St#st{binary = false};
setopt({binary, B}, St) when is_boolean(B) -> St#st{binary = B};
setopt({encoding, E}, St) when E =:= unicode; E =:= utf8 -> St#st{encoding = unicode};
setopt({encoding, latin1}, St) -> St#st{encoding = latin1};
setopt({echo, _}, St) -> St;
setopt({expand_fun, _}, St) -> St;
setopt(_, _) -> throw(bad).

put_chars(Encoding, Chars, #st{stream = Stream, encoding = Device}) ->
    case to_device(Chars, Encoding, Device) of
        error -> {error, put_chars};
        Bin -> beamjs:write(Stream, Bin)
    end.

%% Chars of the request's encoding as bytes of the device's (user.erl's
%% wrap_characters_to_binary/3).
to_device(Chars, unicode, latin1) ->
    case catch unicode:characters_to_binary(Chars, unicode, latin1) of
        Bin when is_binary(Bin) -> Bin;
        _ ->
            case catch unicode:characters_to_list(Chars, unicode) of
                L when is_list(L) ->
                    list_to_binary([case X of
                                        High when High > 255 -> ["\\x{", erlang:integer_to_list(X, 16), $}];
                                        Low -> Low
                                    end || X <- L]);
                _ -> error
            end
    end;
to_device(Bin, From, From) when is_binary(Bin) -> Bin;
to_device(Chars, From, To) ->
    case catch unicode:characters_to_binary(Chars, From, To) of
        Bin when is_binary(Bin) -> Bin;
        _ -> error
    end.

%% ---- reading ----

get_until(_Enc, _Prompt, _M, _F, _Xtra, #st{stream = standard_error} = St) ->
    {{error, enotsup}, St};
get_until(Enc, Prompt, M, F, Xtra, St) ->
    prompt(Prompt, St),
    collect(Enc, M, F, Xtra, start, St).

prompt('', _St) -> ok;
prompt([], _St) -> ok;
prompt(Prompt, St) ->
    case catch io_lib:format_prompt(Prompt, unicode) of
        {'EXIT', _} -> ok;
        Text -> put_chars(unicode, Text, St)
    end.

%% Feed the collector what has been read, reading more while it asks. A
%% collector (io_lib:collect_line/4, collect_chars/4, get_until/4) answers
%% {stop, Result, Rest} or its next state, as file_io_server expects.
collect(Enc, M, F, Xtra, Cont, #st{buf = Buf} = St) ->
    Data = case Buf of
               [] -> read_more(St);
               _ -> Buf
           end,
    Chars = case Data of
                eof -> eof;
                _ -> out_chars(Data, Enc, St)
            end,
    case Chars of
        {error, _} = E ->
            {E, St#st{buf = Data}};
        _ ->
            case catch M:F(Cont, Chars, Enc, Xtra) of
                {stop, Result, Rest} ->
                    {result(Result, St), St#st{buf = rest(Rest)}};
                {'EXIT', _} ->
                    {{error, err_func(M, F, Xtra)}, St#st{buf = Data}};
                Cont1 when Data =:= eof ->
                    %% The collector wants more after the end of input.
                    collect_eof(Enc, M, F, Xtra, Cont1, St);
                Cont1 ->
                    collect(Enc, M, F, Xtra, Cont1, St#st{buf = []})
            end
    end.

collect_eof(Enc, M, F, Xtra, Cont, St) ->
    case catch M:F(Cont, eof, Enc, Xtra) of
        {stop, Result, _} -> {result(Result, St), St#st{buf = []}};
        _ -> {eof, St#st{buf = []}}
    end.

err_func(io_lib, get_until, {_, F, _}) -> F;
err_func(_, F, _) -> F.

%% Bytes read, as characters of the device encoding.
read_more(#st{encoding = Device}) ->
    case beamjs:read_input() of
        eof -> eof;
        Bin when is_binary(Bin), Device =:= latin1 -> binary_to_list(Bin);
        Bin when is_binary(Bin) ->
            case unicode:characters_to_list(Bin, unicode) of
                L when is_list(L) -> L;
                _ -> binary_to_list(Bin)
            end
    end.

%% Characters as the collector should see them for a request of `Enc`.
out_chars(Chars, latin1, _St) ->
    case lists:all(fun(C) -> C =< 255 end, Chars) of
        true -> Chars;
        false -> {error, {no_translation, unicode, latin1}}
    end;
out_chars(Chars, _, _St) -> Chars.

rest(eof) -> [];
rest(Rest) when is_binary(Rest) -> unicode:characters_to_list(Rest, unicode);
rest(Rest) when is_list(Rest) -> Rest.

result(eof, _St) -> eof;
result({error, _} = E, _St) -> E;
result(R, #st{binary = true}) when is_list(R) -> unicode:characters_to_binary(R, unicode);
result(R, _St) -> R.
