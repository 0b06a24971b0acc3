%% The I/O server behind `user` and the group leader of processes started from
%% JS: it speaks the Erlang I/O protocol and writes through the
%% beamjs:put_chars/3 BIF (stdout in Node, the console in a browser).
%% Input is not supported yet: every read request answers eof.
-module(beamjs_user).
-export([start/0]).

start() ->
    Pid = spawn(fun loop/0),
    register(user, Pid),
    Pid.

loop() ->
    receive
        {io_request, From, ReplyAs, Request} ->
            From ! {io_reply, ReplyAs, request(Request)},
            loop();
        _Other ->
            loop()
    end.

request({put_chars, Encoding, Chars}) ->
    put_chars(Encoding, Chars);
request({put_chars, Encoding, M, F, A}) ->
    try apply(M, F, A) of
        Chars -> put_chars(Encoding, Chars)
    catch
        _:_ -> {error, F}
    end;
request({requests, Requests}) ->
    requests(Requests, ok);
request({get_chars, _Encoding, _Prompt, _N}) -> eof;
request({get_line, _Encoding, _Prompt}) -> eof;
request({get_until, _Encoding, _Prompt, _M, _F, _A}) -> eof;
request({setopts, _Opts}) -> ok;
request(getopts) -> [{binary, false}, {encoding, unicode}];
request({get_geometry, _}) -> {error, enotsup};
request(_Other) -> {error, request}.

requests([], Result) -> Result;
requests([R | Rs], ok) -> requests(Rs, request(R));
requests(_, Error) -> Error.

put_chars(Encoding, Chars) ->
    try beamjs:put_chars(standard_output, Encoding, Chars) of
        ok -> ok
    catch
        error:badarg -> {error, put_chars}
    end.
