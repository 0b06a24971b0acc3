%% persistent_term: put/get/get-default/erase, =:= keys (1 vs 1.0), compound keys, get/0, info/0.
-module(pt_basic).
-export([main/0]).

k(X) -> {pt_basic, X}.

main() ->
    Keys = [1, 1.0, a, "str", <<"bin">>, {t, 1}, [x], #{m => 1}, 1 bsl 80],
    Missing = [try persistent_term:get(k(K)) catch C:R -> {C, R} end || K <- Keys],
    Puts = [persistent_term:put(k(K), {val, I}) || {I, K} <- lists:enumerate(Keys)],
    Gets = [persistent_term:get(k(K)) || K <- Keys],
    Defaults = [persistent_term:get(k(K), none) || K <- [2, b, {t, 2}]],
    Mine = lists:sort([{K, V} || {{pt_basic, _} = K, V} <- persistent_term:get()]),
    #{count := C0} = persistent_term:info(),
    ok = persistent_term:put(k(1), changed),
    ok = persistent_term:put(k(1), changed),
    Changed = {persistent_term:get(k(1)), persistent_term:get(k(1.0))},
    Erased = [persistent_term:erase(k(K)) || K <- Keys],
    Again = [persistent_term:erase(k(K)) || K <- Keys],
    #{count := C1} = persistent_term:info(),
    {Missing, Puts, Gets, Defaults, Mine, Changed, Erased, Again, C0 - C1}.
