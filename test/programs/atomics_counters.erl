%% counters (atomics and write_concurrency kinds) shared by many processes; atomics as a ticket dispenser.
-module(atomics_counters).
-export([main/0, id/1]).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    Self = self(),
    C = counters:new(2, []),
    W = counters:new(1, [write_concurrency]),
    T = atomics:new(1, []),
    N = 20,
    [spawn(fun() ->
               [begin counters:add(C, 1, 1), counters:sub(C, 2, 2), counters:add(W, 1, I) end || _ <- lists:seq(1, 50)],
               Ticket = atomics:add_get(T, 1, 1),
               Self ! {done, Ticket}
           end) || I <- lists:seq(1, N)],
    Tickets = lists:sort([receive {done, Tk} -> Tk end || _ <- lists:seq(1, N)]),
    Values = {counters:get(C, 1), counters:get(C, 2), counters:get(W, 1)},
    ok = counters:put(C, 1, -7),
    Errors = [c(fun() -> counters:get(C, 3) end), c(fun() -> counters:add(C, 1, 1.5) end),
              c(fun() -> counters:sub(C, 1, ?MODULE:id(x)) end), c(fun() -> counters:new(1, [bogus]) end),
              c(fun() -> counters:get({atomics, make_ref()}, 1) end), c(fun() -> counters:info(nope) end)],
    {Tickets =:= lists:seq(1, N), Values, counters:get(C, 1), maps:get(size, counters:info(C)), Errors}.
