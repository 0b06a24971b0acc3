%% Tuples: element/setelement/make_tuple/tuple_size, append/insert/delete_element, conversions.
-module(tup_basics).
-export([main/0]).

main() ->
    T = {a, b, c, d},
    {element(1, T), element(4, T), setelement(2, T, x), T, tuple_size(T), size(T),
     erlang:make_tuple(3, z), erlang:make_tuple(5, 0, [{2, two}, {4, four}, {2, again}]),
     erlang:append_element(T, e), erlang:insert_element(1, T, first), erlang:insert_element(5, T, last),
     erlang:delete_element(2, T), tuple_to_list(T), list_to_tuple([1, [2], {3}]),
     {}, {{}}, tuple_size({}), setelement(1, {only}, replaced),
     [element(I, list_to_tuple(lists:seq(10, 20))) || I <- [1, 5, 11]]}.
