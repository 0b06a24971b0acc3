%% crypto: hash/2 over iodata for every supported digest, hash_init/update/final, hash_info, errors.
-module(crypto_hashes).
-export([main/0, id/1]).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Algs = [md4, md5, ripemd160, sha, sha224, sha256, sha384, sha512,
            sha3_224, sha3_256, sha3_384, sha3_512, blake2b, blake2s],
    Data = ?MODULE:id([<<"The quick brown fox ">>, "jumps", $\s, [<<"over">>, <<" the lazy dog">>]]),
    Big = binary:copy(<<"0123456789abcdef">>, 100),
    Whole = [{A, crypto:hash(A, Data), crypto:hash(A, Big)} || A <- Algs],
    Streamed = [begin
                    S0 = crypto:hash_init(A),
                    S1 = crypto:hash_update(S0, <<"The quick brown fox ">>),
                    S2 = crypto:hash_update(S1, "jumps over the lazy dog"),
                    {crypto:hash_final(S2) =:= crypto:hash(A, Data), crypto:hash_final(S0) =:= crypto:hash(A, <<>>)}
                end || A <- Algs],
    Info = [crypto:hash_info(A) || A <- [md5, sha256, sha3_512, blake2b]],
    Errors = [c(fun() -> crypto:hash(?MODULE:id(foo), <<>>) end),
              c(fun() -> crypto:hash(sha, ?MODULE:id(1)) end),
              c(fun() -> crypto:hash_init(?MODULE:id(foo)) end),
              c(fun() -> crypto:hash_final(?MODULE:id(make_ref())) end)],
    {Whole, Streamed, Info, Errors, lists:sort(crypto:supports(hashs))}.
