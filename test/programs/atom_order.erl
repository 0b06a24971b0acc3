%% Atoms compare by their text (code point order), not by creation order.
-module(atom_order).
-export([main/0]).

main() ->
    Atoms = [zebra, apple, 'Apple', '_x', aa, a, 'a b', 'é', '', z9, 'Z', true, false, nil, undefined],
    {lists:sort(Atoms), lists:reverse(lists:usort(Atoms)), apple < zebra, 'B' < a, '' < a,
     a < aa, max(true, false), [A || A <- Atoms, A > m]}.
