%% A table dies with its owner: info/1 gives undefined, access raises badarg, a named table's name is free again.
-module(ets_owner_death).
-export([main/0]).

main() ->
    Self = self(),
    {Pid, Ref} = spawn_monitor(fun() ->
        T = ets:new(owner_death_tab, [set, public]),
        N = ets:new(owner_death_named, [named_table, public]),
        ets:insert(T, {a, 1}),
        Self ! {tabs, T, N},
        receive stop -> ok end
    end),
    {T, N} = receive {tabs, T0, N0} -> {T0, N0} end,
    Before = {ets:lookup(T, a), ets:info(N, size), ets:info(T, owner) =:= Pid},
    Pid ! stop,
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    After = {ets:info(T), ets:info(owner_death_named),
             catch_it(fun() -> ets:lookup(T, a) end),
             catch_it(fun() -> ets:insert(N, {x}) end),
             ets:whereis(owner_death_named)},
    N2 = ets:new(owner_death_named, [named_table]),
    Again = ets:info(N2, named_table),
    ets:delete(N2),
    {Before, After, Again, catch_it(fun() -> ets:delete(N2) end)}.

catch_it(F) -> try F() catch C:R -> {C, R} end.
