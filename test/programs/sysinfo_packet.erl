%% erlang:decode_packet/3 framing (raw, 1/2/4, line, asn1, tpkt, sunrm, fcgi, cdr, http/httph) and erlang:is_builtin/3.
-module(sysinfo_packet).
-export([main/0, id/1]).

id(X) -> X.

dp(T, B, O) -> try erlang:decode_packet(T, B, O) catch C:R -> {C, R} end.

%% Split a stream into packets the way a receiver loop would.
frames(T, Bin, Opts) ->
    case dp(T, Bin, Opts) of
        {ok, P, Rest} when Rest =/= Bin -> [P | frames(T, Rest, Opts)];
        Other -> [Other]
    end.

main() ->
    Stream = ?MODULE:id(<<2, "ab", 0, 3, "xyz">>),
    Lines = ?MODULE:id(<<"first\nsecond\r\nthird">>),
    Framed = [frames(1, <<2, "ab", 1, "c", 5, "de">>, []),
              frames(2, <<0, 2, "ab", 0, 0, 0, 3, "x">>, []),
              frames(4, <<0, 0, 0, 1, "a", 0, 0, 0, 0>>, []),
              frames(line, Lines, []),
              frames(line, <<"aaaaaaa\nb">>, [{line_length, 3}]),
              frames(raw, Stream, [])],
    Misc = [dp(asn1, <<16#30, 3, 1, 1, 255, 0>>, []), dp(asn1, <<16#30, 16#81, 1, 7>>, []),
            dp(tpkt, <<3, 0, 0, 5, 9, 9>>, []), dp(sunrm, <<16#80, 0, 0, 1, 5>>, []),
            dp(fcgi, <<1, 6, 0, 1, 0, 1, 2, 0, $z, 0, 0, $n>>, []), dp(cdr, <<"GIOP", 1, 2, 1, 0, 1, 0, 0, 0, $q>>, []),
            dp(2, <<0, 9, 1>>, [{packet_size, 4}]), dp(line, <<"long line">>, [{packet_size, 4}]),
            dp(bogus, <<>>, []), dp(1, <<>>, [{bogus, 1}])],
    Builtins = [erlang:is_builtin(M, F, A) || {M, F, A} <- ?MODULE:id([{erlang, self, 0}, {erlang, apply, 3},
                 {lists, reverse, 2}, {lists, map, 2}, {math, sqrt, 1}, {erlang, '+', 2}, {nomod, f, 0}])],
    Request = ?MODULE:id(<<"GET http://example.com:8080/index.html?q=1 HTTP/1.1\r\nHost: example.com\r\n"
                           "content-length: 5\r\nX-Trace:  a\r\n  b\r\n\r\nhello">>),
    {ok, Req, AfterReq} = erlang:decode_packet(http_bin, Request, []),
    Http = {Req, headers(AfterReq), dp(http, <<"HTTP/1.0 301 Moved\r\n">>, []), dp(http, <<"nonsense\r\n">>, [])},
    {Framed, Misc, Builtins, Http}.

headers(Bin) ->
    case erlang:decode_packet(httph, Bin, []) of
        {ok, http_eoh, Body} -> [{body, Body}];
        {ok, H, Rest} -> [H | headers(Rest)];
        Other -> [Other]
    end.
