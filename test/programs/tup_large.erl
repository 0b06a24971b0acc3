%% Large tuples (thousands of elements): construction, access, update, comparison.
-module(tup_large).
-export([main/0]).

main() ->
    N = 100000,
    T = list_to_tuple(lists:seq(1, N)),
    T2 = setelement(N, setelement(1, T, first), last),
    Big = erlang:make_tuple(70000, x),
    Upd = lists:foldl(fun(I, Acc) -> setelement(I, Acc, I * 2) end, erlang:make_tuple(1000, 0),
                      lists:seq(1, 1000)),
    {tuple_size(T), element(N, T), element(50000, T), element(1, T2), element(N, T2),
     element(2, T2), T < T2, T2 < T, tuple_size(Big), element(69999, Big),
     lists:sum(tuple_to_list(Upd)), element(500, Upd), T =:= list_to_tuple(lists:seq(1, N)),
     erlang:delete_element(1, {a, b}), tuple_size(erlang:append_element(Big, y))}.
