%% crypto: HMAC (mac/4, macN/5, mac_init/update/final), exor/2, bytes_to_integer/1, hash_equals/2, random sizes.
-module(crypto_hmac).
-export([main/0, id/1]).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Key = ?MODULE:id(<<"key">>),
    LongKey = binary:copy(<<"k">>, 200),
    Msg = "The quick brown fox jumps over the lazy dog",
    Macs = [{H, crypto:mac(hmac, H, Key, Msg), crypto:mac(hmac, H, LongKey, [Msg, Msg])}
            || H <- [md5, sha, sha224, sha256, sha384, sha512, sha3_256, blake2s]],
    Short = crypto:macN(hmac, sha256, Key, Msg, 8),
    Ref = crypto:mac_init(hmac, sha256, Key),
    Ref = crypto:mac_update(Ref, "The quick brown fox "),
    Ref = crypto:mac_update(Ref, <<"jumps over the lazy dog">>),
    Streamed = crypto:mac_final(Ref) =:= crypto:mac(hmac, sha256, Key, Msg),
    Misc = [crypto:exor(<<1, 2, 255>>, [3, <<4>>, 15]), crypto:bytes_to_integer(<<1, 0, 0>>),
            crypto:hash_equals(<<"abc">>, <<"abc">>), crypto:hash_equals(<<"abc">>, <<"abd">>),
            byte_size(crypto:strong_rand_bytes(33)), byte_size(crypto:strong_rand_bytes(0))],
    _ = rand:seed(exsss, {1, 2, 3}),
    Ranges = {[rand:uniform(100) || _ <- lists:seq(1, 20)], rand:uniform_real() < 1.0, rand:bytes(5)},
    Errors = [c(fun() -> crypto:mac(hmac, ?MODULE:id(foo), Key, Msg) end),
              c(fun() -> crypto:mac(?MODULE:id(nomac), sha, Key, Msg) end),
              c(fun() -> crypto:exor(<<1>>, <<1, 2>>) end),
              c(fun() -> crypto:strong_rand_bytes(?MODULE:id(-1)) end)],
    {Macs, Short, Streamed, Misc, Ranges, Errors}.
