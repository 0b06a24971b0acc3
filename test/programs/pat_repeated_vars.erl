%% A variable repeated in a pattern must match equal (=:=) terms.
-module(pat_repeated_vars).
-export([main/0]).

main() ->
    Cases = [{1, 1}, {1, 1.0}, {a, a}, {[x], [x]}, {{1, 2}, {1, 2}}, {<<1>>, <<1>>},
             {#{a => 1}, #{a => 1}}, {0.0, 0.0}, {2, 3}],
    [same(A, B) || {A, B} <- Cases] ++
        [triple({q, q, q}), triple({q, q, r}), head_tail([5, 5, 6]), head_tail([5, 6])].

same(X, X) -> same;
same(_, _) -> different.

triple({A, A, A}) -> all_same;
triple({A, A, _}) -> two_same;
triple(_) -> none.

head_tail([X, X | _]) -> {repeated, X};
head_tail(_) -> no.
