%% Deeply nested patterns mixing tuples, lists, maps, binaries and literals.
-module(pat_nested).
-export([main/0]).

main() ->
    Inputs = [
        {order, 1, [{item, "apple", 3}, {item, "pear", 1}], #{paid => true}},
        {order, 2, [], #{paid => false, note => <<"empty">>}},
        {order, 3, [{item, "fig", 2} | {broken}], #{}},
        {event, {click, {10, 20}}, [shift, ctrl]},
        {event, {key, <<"abc">>}, []},
        {nest, [[[[deep]]]]},
        {nest, [[[1, 2 | 3]]]},
        [{x, [y, {z, #{k => [1, {2, <<3, 4:4>>}]}}]}]
    ],
    [m(I) || I <- Inputs].

m({order, Id, [{item, Name, Qty} | _] = Items, #{paid := true}}) ->
    {paid_order, Id, Name, Qty, length(Items)};
m({order, Id, [], #{note := <<Note/binary>>}}) -> {empty_order, Id, Note};
m({order, Id, [{item, _, _} | Tail], M}) when map_size(M) =:= 0 -> {odd_order, Id, Tail};
m({event, {click, {X, Y}}, Mods}) when is_list(Mods) -> {click, X + Y, lists:member(ctrl, Mods)};
m({event, {key, <<C, Rest/binary>>}, []}) -> {key, C, Rest};
m({nest, [[[[A]]]]}) -> {nest4, A};
m({nest, [[[A, B | C]]]}) -> {nest_improper, A, B, C};
m([{x, [y, {z, #{k := [1, {2, <<A, B:4>>}]}}]}]) -> {deep_bits, A, B};
m(Other) -> {nomatch, Other}.
