%% {keypos, N} tables: keys in another position, records, update_counter/element next to the key.
-module(ets_keypos).
-export([main/0]).
-record(user, {name, age, city}).

main() ->
    T = ets:new(k, [set, {keypos, #user.name}]),
    ets:insert(T, [#user{name = ann, age = 30, city = oslo}, #user{name = bob, age = 25, city = rome}]),
    R = [ets:lookup(T, ann), ets:lookup_element(T, bob, #user.city),
         ets:update_counter(T, ann, {#user.age, 1}),
         ets:update_element(T, bob, {#user.city, paris}),
         lists:sort(ets:match(T, #user{name = '$1', city = '$2', _ = '_'})),
         lists:sort(ets:select(T, [{#user{age = '$1', _ = '_'}, [{'>', '$1', 26}], ['$_']}])),
         catch_it(fun() -> ets:insert(T, {a}) end),
         catch_it(fun() -> ets:update_counter(T, ann, {2, 1}) end),
         catch_it(fun() -> ets:update_counter(T, ann, 1) end)],
    O = ets:new(o, [ordered_set, {keypos, 3}]),
    ets:insert(O, [{a, 1, z}, {b, 2, y}, {c, 3, x}]),
    RO = [ets:first(O), ets:tab2list(O), ets:update_counter(O, y, {2, 5}), ets:lookup(O, y), ets:info(O, keypos), catch_it(fun() -> ets:update_counter(O, y, 5) end)],
    ets:delete(T), ets:delete(O),
    {R, RO}.

catch_it(F) -> try F() catch C:R -> {C, R} end.
