%% zlib streaming API: deflateInit/6 options, deflate none/finish, inflate in pieces, inflateChunk, buffers, errors.
-module(zlib_stream).
-export([main/0, id/1]).
-compile(nowarn_deprecated_function).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Data = binary:copy(<<"streaming data 0123456789 abcdef\n">>, 3000),
    Z = zlib:open(),
    ok = zlib:deflateInit(Z, best_compression, deflated, 15, 8, default),
    First = zlib:deflate(Z, binary:part(Data, 0, 100)),
    Rest = zlib:deflate(Z, binary:part(Data, 100, byte_size(Data) - 100), finish),
    ok = zlib:deflateEnd(Z),
    Compressed = iolist_to_binary([First, Rest]),
    Same = Compressed =:= iolist_to_binary(begin
                                               Z1 = zlib:open(),
                                               ok = zlib:deflateInit(Z1, 9),
                                               R1 = zlib:deflate(Z1, Data, finish),
                                               zlib:close(Z1),
                                               R1
                                           end),
    ok = zlib:inflateInit(Z),
    Out = zlib:inflate(Z, Compressed),
    Shape = [byte_size(B) || B <- lists:flatten(Out)],
    ok = zlib:inflateEnd(Z),
    ok = zlib:setBufSize(Z, 1000),
    Buf = zlib:getBufSize(Z),
    ok = zlib:inflateInit(Z),
    Chunks = chunks(Z, zlib:inflateChunk(Z, Compressed), 0),
    ok = zlib:inflateEnd(Z),
    Errors = [c(fun() -> zlib:deflate(Z, <<"x">>) end),
              c(fun() -> zlib:deflateInit(Z, 11) end),
              c(fun() -> zlib:deflateInit(Z, default, deflated, 7, 8, default) end),
              c(fun() -> zlib:deflateInit(Z, default, deflated, 15, 10, default) end),
              c(fun() -> zlib:deflate(Z, <<>>, bogus) end),
              c(fun() -> zlib:setBufSize(Z, 5) end)],
    ok = zlib:close(Z),
    Closed = c(fun() -> zlib:inflateInit(Z) end),
    {First, byte_size(Compressed), Same, iolist_to_binary(Out) =:= Data, Shape, Buf, Chunks, Errors, Closed}.

chunks(Z, {more, Bin}, N) -> chunks(Z, zlib:inflateChunk(Z), N + iolist_size(Bin));
chunks(_Z, Bin, N) -> N + iolist_size(Bin).
