%% Pattern aliases (P1 = P2) in heads, in case clauses and in match expressions.
-module(pat_aliases).
-export([main/0]).

main() ->
    A = {point, X, Y} = {point, 3, 4},
    [{point, _, _} = B, C] = [A, {other}],
    {1, _} = D = E = {1, 2},
    R = [f(V) || V <- [{pair, [1, 2]}, {pair, []}, [a, b, c], <<"xyz">>]],
    Nested = case {A, C} of
                 {{point, P, _} = Pt, {_} = O} -> {P, Pt, O}
             end,
    {A, X, Y, B, C, D, E, R, Nested}.

f({pair, [H | _] = L} = Whole) -> {pair_list, H, L, Whole};
f({pair, L = []}) -> {empty, L};
f([First | Rest] = All) -> {list, First, Rest, All};
f(<<C, _/binary>> = Bin) -> {bin, C, Bin}.
