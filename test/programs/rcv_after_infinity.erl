%% `after infinity` waits forever like no after clause; an empty receive with a timeout sleeps.
-module(rcv_after_infinity).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Self = self(),
    spawn(fun() -> Self ! wake_up end),
    A = receive wake_up -> woke after infinity -> never end,
    B = receive after 10 -> slept end,
    Inf = ?MODULE:id(infinity),
    spawn(fun() -> Self ! dynamic end),
    C = receive dynamic -> got_dynamic after Inf -> never end,
    {A, B, C}.
