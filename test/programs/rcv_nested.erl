%% Nested receive: an inner receive inside a clause body of an outer receive.
-module(rcv_nested).
-export([main/0]).

main() ->
    Self = self(),
    [Self ! M || M <- [{b, 1}, {a, 1}, {b, 2}, {a, 2}, {c, 0}]],
    Pairs = [receive {a, N} -> receive {b, M} -> {N, M} end end || _ <- [1, 2]],
    Inner = receive {c, Z} -> receive nothing -> bad after 0 -> {c_then_timeout, Z} end end,
    Deep = nest(5),
    {Pairs, Inner, Deep}.

nest(0) -> bottom;
nest(N) ->
    self() ! {level, N},
    receive {level, N} -> {N, nest(N - 1)} end.
