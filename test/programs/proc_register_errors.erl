%% Errors from the name registry: each is badarg.
-module(proc_register_errors).
-export([main/0]).

main() ->
    Pid = spawn(fun() -> receive stop -> ok end end),
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    true = register(corpus_taken, Pid),
    Results = [t(fun() -> register(corpus_taken, self()) end),
               t(fun() -> register(corpus_other, Pid) end),
               t(fun() -> register(undefined, self()) end),
               t(fun() -> register(corpus_dead, Dead) end),
               t(fun() -> register("string", self()) end),
               t(fun() -> unregister(corpus_not_registered) end),
               t(fun() -> corpus_not_registered ! hello end),
               t(fun() -> whereis(corpus_not_registered) end),
               t(fun() -> whereis("string") end),
               t(fun() -> erlang:send(corpus_not_registered, hi) end)],
    unregister(corpus_taken),
    Pid ! stop,
    Results.

t(F) -> try F() catch C:R -> {C, R} end.
