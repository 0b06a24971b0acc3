%% public/protected/private: what another process may read and write (badarg otherwise); setopts changes it.
-module(ets_protection).
-export([main/0]).

main() ->
    Pub = ets:new(p, [public]),
    Prot = ets:new(p, [protected]),
    Priv = ets:new(p, [private]),
    [ets:insert(T, {k, 1}) || T <- [Pub, Prot, Priv]],
    Other = fun(T) -> in_other(fun() -> {
        catch_it(fun() -> ets:lookup(T, k) end),
        catch_it(fun() -> ets:insert(T, {k, 2}) end),
        catch_it(fun() -> ets:select(T, [{'_', [], ['$_']}]) end),
        catch_it(fun() -> ets:update_counter(T, k, 1) end),
        catch_it(fun() -> ets:info(T, size) end),
        catch_it(fun() -> ets:first(T) end),
        catch_it(fun() -> ets:delete(T, k) end),
        catch_it(fun() -> ets:setopts(T, {protection, public}) end)} end) end,
    R1 = [Other(T) || T <- [Pub, Prot, Priv]],
    true = ets:setopts(Priv, {protection, public}),
    R2 = Other(Priv),
    Prot2 = [ets:info(T, protection) || T <- [Pub, Prot, Priv]],
    E = catch_it(fun() -> ets:setopts(Prot, {protection, secret}) end),
    [ets:delete(T) || T <- [Pub, Prot, Priv]],
    {R1, R2, Prot2, E}.

in_other(F) ->
    Self = self(),
    Pid = spawn(fun() -> Self ! {self(), F()} end),
    receive {Pid, R} -> R end.

catch_it(F) -> try F() catch C:R -> {C, R} end.
