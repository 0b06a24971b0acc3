%% Ordering of compound terms: lists lexicographically, tuples by size then elements, maps by
%% size then keys then values, binaries bytewise with prefixes first.
-module(order_compound).
-export([main/0]).

main() ->
    Lists = [[b], [a, z], [a], [], [a, b, c], "abc", [1 | 2], [1, 2]],
    Tuples = [{b}, {a, a}, {}, {a}, {a, {b}}, {a, [z]}, {1, 2, 3}],
    Maps = [#{b => 1}, #{a => 2}, #{a => 1}, #{a => 1, b => 1}, #{}, #{1 => x}, #{1.0 => x},
            #{a => 1.0}, #{a => 1}],
    Bins = [<<2>>, <<1, 2>>, <<1>>, <<>>, <<1:1>>, <<1, 2, 3>>, <<0:7>>, <<255>>],
    {lists:sort(Lists), lists:sort(Tuples), lists:sort(Maps), lists:sort(Bins),
     #{a => 1} < #{a => 1.0}, #{1 => a} < #{1.0 => a}, #{a => 1} == #{a => 1.0}}.
