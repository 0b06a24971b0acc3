%% {heir, Pid, Data}: when the owner dies the heir gets the table and an 'ETS-TRANSFER' message; a dead heir does not inherit.
-module(ets_heir).
-export([main/0]).

main() ->
    Self = self(),
    {Pid, Ref} = spawn_monitor(fun() ->
        T = ets:new(heir_tab, [ordered_set, {heir, Self, my_data}]),
        ets:insert(T, [{1, one}, {2, two}]),
        Self ! {tab, T},
        receive stop -> ok end
    end),
    T = receive {tab, T0} -> T0 end,
    Owner1 = ets:info(T, owner) =:= Pid,
    Heir1 = ets:info(T, heir) =:= Self,
    Pid ! stop,
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    Msg = receive {'ETS-TRANSFER', T, From, Data} -> {transfer, From =:= Pid, Data} after 1000 -> none end,
    Owner2 = ets:info(T, owner) =:= self(),
    Heir2 = ets:info(T, heir) =:= self(),  % the heir stays set
    Content = ets:tab2list(T),
    ets:insert(T, {3, three}),
    %% An heir that is already dead: the table is deleted.
    Dead = spawn(fun() -> ok end),
    Mref = monitor(process, Dead),
    receive {'DOWN', Mref, _, _, _} -> ok end,
    {P2, R2} = spawn_monitor(fun() ->
        T2 = ets:new(heir_tab2, [{heir, Dead, x}]),
        Self ! {tab2, T2}
    end),
    T2 = receive {tab2, X} -> X end,
    receive {'DOWN', R2, process, P2, _} -> ok end,
    Gone = ets:info(T2),
    %% setopts changes the heir.
    {P3, R3} = spawn_monitor(fun() ->
        T3 = ets:new(heir_tab3, []),
        true = ets:setopts(T3, {heir, Self, later}),
        Self ! {tab3, T3}
    end),
    T3 = receive {tab3, Y} -> Y end,
    receive {'DOWN', R3, process, P3, _} -> ok end,
    Msg3 = receive {'ETS-TRANSFER', T3, _, D3} -> D3 after 1000 -> none end,
    ets:delete(T), ets:delete(T3),
    {Owner1, Heir1, Msg, Owner2, Heir2, Content, Gone, Msg3}.
