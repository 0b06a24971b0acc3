%% Conversions between strings and numbers/terms: integer_to_list, list_to_integer, *_to_list.
-module(str_conversions).
-export([main/0]).

main() ->
    [integer_to_list(0), integer_to_list(-42), integer_to_list(1 bsl 70), list_to_integer("-007"),
     list_to_integer("+5"), integer_to_list(255, 16), list_to_integer("7fffffff", 16),
     float_to_list(1.5, [{decimals, 1}]), list_to_float("2.5e-2"), atom_to_list('A b'),
     tuple_to_list({1, "a", b}), list_to_tuple([x, y]), binary_to_list(<<"bytes">>),
     list_to_binary("text"), erlang:list_to_integer("42", 10), integer_to_binary(77),
     binary_to_integer(<<"-0">>), [$a, $\n, $\t, $\\, $", $', $\s, $\0, $\x7f],
     "multi" "part" "string", lists:flatten(["a", ["b", [$c]], "d"]), "tab\there\x{41}\101",
     lists:concat([a, "b", 1, 2.5, 'c']), size(list_to_binary(lists:duplicate(300, $x)))].
