%% Binary-related BIFs of the erlang module.
-module(bin_bifs).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    IoList = [<<"ab">>, $c, ["de", [<<"f">>]], [], <<>>],
    [binary_to_list(<<"abc">>), binary_to_list(<<"abcdef">>, 2, 4), list_to_binary(IoList),
     iolist_to_binary(IoList), iolist_size(IoList), byte_size(<<1:17>>), bit_size(<<1:17>>),
     bitstring_to_list(<<1, 2:3>>), list_to_bitstring([<<1:1>>, <<1:7>>, 3]),
     split_binary(<<"hello">>, 2), binary_to_integer(<<"-123">>), binary_to_integer(<<"ff">>, 16),
     integer_to_binary(255, 2), binary_to_float(<<"1.25">>), float_to_binary(2.5, [{decimals, 3}]),
     atom_to_binary(hello), binary_to_atom(<<"world">>), binary_to_existing_atom(<<"ok">>, utf8),
     term_to_binary({a, [1, 2], <<"x">>}), binary_to_term(term_to_binary(#{k => [1.5, "s"]})),
     t(fun() -> list_to_binary(?MODULE:id([256])) end),
     t(fun() -> list_to_binary(?MODULE:id([a])) end),
     t(fun() -> iolist_to_binary(?MODULE:id([1 | 2])) end),
     t(fun() -> binary_to_list(?MODULE:id(<<1:3>>)) end),
     t(fun() -> binary_to_term(?MODULE:id(<<131, 255>>)) end),
     t(fun() -> binary_to_integer(?MODULE:id(<<"1x">>)) end),
     t(fun() -> split_binary(?MODULE:id(<<1>>), 2) end)].

t(F) -> try F() catch C:R -> {C, R} end.
