%% ets:update_counter/3,4 in every form: Incr, {Pos, Incr}, {Pos, Incr, Threshold, SetValue}, lists, defaults, errors.
-module(ets_update_counter).
-export([main/0]).

main() ->
    T = ets:new(c, [set]),
    ets:insert(T, {a, 0, 10, x}),
    R = [ets:update_counter(T, a, 1),
         ets:update_counter(T, a, -5),
         ets:update_counter(T, a, {3, 7}),
         ets:update_counter(T, a, {3, 5, 20, 0}),
         ets:update_counter(T, a, {2, -10, -8, -100}),
         ets:update_counter(T, a, [{2, 1}, {3, 1}, {2, 1}]),
         ets:update_counter(T, a, []),
         ets:update_counter(T, a, {2, 1 bsl 62}),
         ets:update_counter(T, a, {2, -(1 bsl 62)}),
         ets:update_counter(T, b, 5, {b, 100}),
         ets:update_counter(T, c, {3, 1}, {zzz, 1, 2}),
         ets:update_counter(T, c, {3, 1}, {zzz, 1, 2}),
         ets:lookup(T, a), ets:lookup(T, b), ets:lookup(T, c)],
    Errors = [catch_it(F) || F <- [
        fun() -> ets:update_counter(T, nokey, 1) end,
        fun() -> ets:update_counter(T, a, {1, 1}) end,
        fun() -> ets:update_counter(T, a, {4, 1}) end,
        fun() -> ets:update_counter(T, a, {9, 1}) end,
        fun() -> ets:update_counter(T, a, 1.5) end,
        fun() -> ets:update_counter(T, a, [{2, 1}, {4, 1}]) end,
        fun() -> ets:update_counter(T, a, {2, 1, x, 0}) end,
        fun() -> ets:update_counter(T, d, 1, {d}) end,
        fun() -> ets:update_counter(T, d, 1, not_a_tuple) end,
        fun() -> ets:update_counter(ets:new(b, [bag]), a, 1) end]],
    Unchanged = ets:lookup(T, a),  % the failing list did not apply its first op
    O = ets:new(o, [ordered_set]),
    ets:insert(O, {1.0, 5}),
    RO = {ets:update_counter(O, 1, 2), ets:tab2list(O), ets:update_counter(O, 2, 1, {0, 0}), ets:tab2list(O)},
    ets:delete(T), ets:delete(O),
    {R, Errors, Unchanged, RO}.

catch_it(F) -> try F() catch C:R -> {C, R} end.
