%% ets:info/1,2: every item (memory only checked to be a positive integer), undefined for a deleted table, badarg for bad items.
-module(ets_info_items).
-export([main/0]).

main() ->
    T = ets:new(info_tab, [ordered_set, public, {keypos, 2}, {read_concurrency, true}, compressed]),
    ets:insert(T, [{x, 1}, {y, 2}]),
    Info = ets:info(T),
    Clean = [clean(T, I) || I <- Info],
    Items = [{I, clean_v(T, ets:info(T, I))} || I <- [id, name, type, size, owner, heir, protection, keypos,
             named_table, node, compressed, read_concurrency, write_concurrency, decentralized_counters,
             fixed, safe_fixed]],
    S = ets:new(s, [bag, {write_concurrency, true}, {heir, self(), d}]),
    SItems = [{I, clean_v(S, ets:info(S, I))} || I <- [type, write_concurrency, decentralized_counters, heir, protection]],
    O2 = ets:new(o2, [ordered_set, {write_concurrency, true}]),
    Dc = ets:info(O2, decentralized_counters),
    ets:safe_fixtable(S, true),
    Fixed = {ets:info(S, fixed), case ets:info(S, safe_fixed) of {_, [{P, 1}]} -> P =:= self(); X -> X end},
    ets:safe_fixtable(S, false),
    Unfixed = {ets:info(S, fixed), ets:info(S, safe_fixed)},
    Bad = [catch_it(fun() -> ets:info(T, no_such_item) end), catch_it(fun() -> ets:info(42) end),
           catch_it(fun() -> ets:info(42, size) end)],
    ets:delete(T), ets:delete(S), ets:delete(O2),
    {Clean, Items, SItems, Dc, Fixed, Unfixed, Bad, ets:info(T), ets:info(T, size)}.

clean(T, {K, V}) -> {K, clean_v(T, V)}.
clean_v(_, M) when is_integer(M), M > 100 -> big_int;
clean_v(_, P) when is_pid(P) -> case P =:= self() of true -> self; false -> other end;
clean_v(_, R) when is_reference(R) -> ref;
clean_v(_, V) -> V.

catch_it(F) -> try F() catch C:R -> {C, R} end.
