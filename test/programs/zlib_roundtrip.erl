%% zlib: compress/zip/gzip exact bytes and their inverses over iodata, crc32/adler32, errors.
-module(zlib_roundtrip).
-export([main/0, id/1]).
-compile(nowarn_deprecated_function).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Small = ?MODULE:id([<<"hello ">>, "zlib", [$!, <<" ">>]]),
    Big = binary:copy(<<"The quick brown fox jumps over the lazy dog. 0123456789\n">>, 1500),
    Inputs = [<<>>, Small, Big],
    Bytes = [{zlib:compress(D), zlib:zip(D), zlib:gzip(D)} || D <- [<<>>, Small]],
    Sizes = [{byte_size(zlib:compress(Big)), byte_size(zlib:zip(Big)), byte_size(zlib:gzip(Big))}],
    Round = [{zlib:uncompress(zlib:compress(D)) =:= iolist_to_binary(D),
              zlib:unzip(zlib:zip(D)) =:= iolist_to_binary(D),
              zlib:gunzip(zlib:gzip(D)) =:= iolist_to_binary(D)} || D <- Inputs],
    Z = zlib:open(),
    Sums = [zlib:crc32(Z, Small), zlib:crc32(Z, 5, <<"abc">>), zlib:adler32(Z, Big), zlib:adler32(Z, 7, <<"x">>),
            zlib:crc32_combine(Z, 1, 2, 3), zlib:adler32_combine(Z, 1, 2, 3)],
    zlib:close(Z),
    Concat = zlib:gunzip([zlib:gzip(<<"ab">>), zlib:gzip(<<"cd">>)]),
    Errors = [c(fun() -> zlib:uncompress(<<"not zlib data">>) end),
              c(fun() -> zlib:uncompress(<<1, 2, 3>>) end),
              c(fun() -> zlib:gunzip(<<"junk">>) end),
              c(fun() -> zlib:unzip(<<255, 255, 255>>) end),
              c(fun() -> zlib:compress(?MODULE:id(atom)) end),
              c(fun() -> zlib:crc32(?MODULE:id(notref), <<>>) end)],
    {Bytes, Sizes, Round, Sums, Concat, Errors}.
