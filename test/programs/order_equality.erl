%% == versus =:= through nested structures: integer/float differences deep inside.
-module(order_equality).
-export([main/0]).

main() ->
    Pairs = [{[1, {2, 3.0}], [1.0, {2, 3}]}, {#{a => 1}, #{a => 1.0}}, {#{1 => a}, #{1.0 => a}},
             {<<1>>, <<1>>}, {{a, [b, <<"c">>]}, {a, [b, <<"c">>]}}, {[], []}, {"a", <<"a">>},
             {1 bsl 80, float(1 bsl 80)}, {{1, 2}, [1, 2]}],
    [{A == B, A =:= B, A /= B, A =/= B} || {A, B} <- Pairs].
