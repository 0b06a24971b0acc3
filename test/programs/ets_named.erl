%% Named tables: the name is the id, whereis/1, rename/2, duplicate names, all/0.
-module(ets_named).
-export([main/0]).

main() ->
    N = ets:new(named_one, [named_table, set]),
    ets:insert(named_one, {a, 1}),
    Dup = catch_it(fun() -> ets:new(named_one, [named_table]) end),
    Unnamed = ets:new(named_one, [set]),  % the same name without named_table is fine
    R1 = {N, ets:lookup(named_one, a), is_reference(ets:whereis(named_one)),
          ets:whereis(no_such_table), ets:info(named_one, name), ets:info(named_one, named_table),
          ets:info(Unnamed, named_table), ets:info(Unnamed, name)},
    InAll = {lists:member(named_one, ets:all()), lists:member(Unnamed, ets:all())},
    Renamed = ets:rename(named_one, named_two),
    R2 = {Renamed, ets:info(named_one), ets:lookup(named_two, a), ets:info(named_two, name),
          catch_it(fun() -> ets:lookup(named_one, a) end)},
    N3 = ets:new(named_three, [named_table]),
    Clash = catch_it(fun() -> ets:rename(named_two, named_three) end),
    RenameUnnamed = ets:rename(Unnamed, other_name) =:= Unnamed,  % returns the table id
    UnnamedName = ets:info(Unnamed, name),
    ets:delete(named_two), ets:delete(N3), ets:delete(Unnamed),
    NotAll = lists:member(named_two, ets:all()),
    {Dup, R1, InAll, R2, Clash, RenameUnnamed, UnnamedName, NotAll}.

catch_it(F) -> try F() catch C:R -> {C, R} end.
