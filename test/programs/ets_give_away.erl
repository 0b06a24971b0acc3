%% ets:give_away/3: the receiver gets 'ETS-TRANSFER' and ownership; only the owner may give, never to itself or a dead process.
-module(ets_give_away).
-export([main/0]).

main() ->
    Self = self(),
    T = ets:new(give_tab, [protected]),
    ets:insert(T, {k, 1}),
    Pid = spawn(fun() ->
        receive {'ETS-TRANSFER', Tab, From, Data} ->
            R1 = {From =:= Self, Data, ets:info(Tab, owner) =:= self()},
            R2 = ets:insert(Tab, {k, 2}),
            Self ! {got, R1, R2, ets:lookup(Tab, k)},
            receive back -> ets:give_away(Tab, Self, returned) end,
            receive stop -> ok end
        end
    end),
    E1 = catch_it(fun() -> ets:give_away(T, self(), x) end),
    true = ets:give_away(T, Pid, gift),
    Got = receive {got, A, B, C} -> {A, B, C} end,
    E2 = catch_it(fun() -> ets:give_away(T, self(), x) end),
    E3 = catch_it(fun() -> ets:insert(T, {k, 3}) end),
    Pid ! back,
    Back = receive {'ETS-TRANSFER', T, From, D} -> {From =:= Pid, D} after 1000 -> none end,
    Mine = ets:info(T, owner) =:= self(),
    Pid ! stop,
    Dead = spawn(fun() -> ok end),
    Ref = monitor(process, Dead),
    receive {'DOWN', Ref, _, _, _} -> ok end,
    E4 = catch_it(fun() -> ets:give_away(T, Dead, x) end),
    E5 = catch_it(fun() -> ets:give_away(T, not_a_pid, x) end),
    ets:delete(T),
    {E1, Got, E2, E3, Back, Mine, E4, E5}.

catch_it(F) -> try F() catch C:R -> {C, R} end.
