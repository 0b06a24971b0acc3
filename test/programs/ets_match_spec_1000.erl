%% 1,000 keys selected with guards (arithmetic, band, element, is_* tests, andalso/orelse), bodies building tuples and lists.
-module(ets_match_spec_1000).
-export([main/0]).
-include_lib("stdlib/include/ms_transform.hrl").

main() ->
    T = ets:new(m, [ordered_set]),
    ets:insert(T, [{I, I * 3 rem 17, {tag, I rem 5}, integer_to_list(I)} || I <- lists:seq(1, 1000)]),
    MS1 = ets:fun2ms(fun({K, V, {tag, 2}, _}) when K rem 7 =:= 0, V > 8 -> {K, V} end),
    MS2 = ets:fun2ms(fun({K, _, _, S}) when (K band 255) =:= 17 orelse length(S) =:= 1 -> [K | S] end),
    MS3 = ets:fun2ms(fun({K, V, T2, _}) when element(2, T2) =:= 4 andalso abs(V - 8) < 2 -> K * 2 end),
    MS4 = ets:fun2ms(fun(O = {K, _, _, _}) when K > 990; K < 3 -> O end),
    MS5 = [{{'$1', '$2', '_', '_'}, [{'=:=', {'rem', '$1', 100}, 0}], [{{'$2', '$$', {const, c}}}]}],
    MS6 = [{{'$1', '_', '_', '_'}, [{is_integer, '$1'}, {'>', '$1', 995}], [{'div', '$1', 2}, {'float', '$1'}]}],
    R = [ets:select(T, MS1), ets:select(T, MS2), length(ets:select(T, MS3)), ets:select(T, MS4),
         ets:select(T, MS5), ets:select(T, MS6),
         ets:select_count(T, ets:fun2ms(fun({_, V, _, _}) when V =:= 0 -> true end)),
         ets:select_reverse(T, ets:fun2ms(fun({K, 16, _, _}) when K > 900 -> K end)),
         lists:sum(ets:select(T, [{{'$1', '_', '_', '_'}, [], ['$1']}]))],
    S = ets:new(s, [set]),
    ets:insert(S, ets:tab2list(T)),
    RS = [lists:sort(ets:select(S, MS1)), lists:sort(ets:select(S, MS2)), lists:sort(ets:select(S, MS4)),
          ets:select_count(S, [{'_', [], [true]}])],
    ets:delete(T), ets:delete(S),
    {R, RS}.
