%% Tuple ordering: by size first, then element by element.
-module(tup_compare).
-export([main/0]).

main() ->
    Ts = [{b}, {a, z}, {a, b, c}, {}, {1, 2}, {1.0, 2}, {a, {b}}, {a, {a, c}}, {z}, {[], x}],
    {lists:sort(Ts), {1, 2} == {1.0, 2}, {1, 2} =:= {1.0, 2}, {a, b} < {a, b, a}, {z} < {a, a},
     lists:max(Ts), lists:min(Ts)}.
