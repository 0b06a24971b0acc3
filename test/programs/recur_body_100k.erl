%% Body (non-tail) recursion 100,000 deep: building lists, summing, and mapping.
-module(recur_body_100k).
-export([main/0]).

main() ->
    L = build(100000),
    {length(L), hd(L), lists:last(L), sum(L), length(double(L)), lists:sum(double(L)),
     depth(nest(100000)), length(append_all(lists:duplicate(1000, [a, b])))}.

build(0) -> [];
build(N) -> [N | build(N - 1)].

sum([]) -> 0;
sum([H | T]) -> H + sum(T).

double([]) -> [];
double([H | T]) -> [H * 2 | double(T)].

nest(0) -> leaf;
nest(N) -> {node, nest(N - 1)}.

depth(leaf) -> 0;
depth({node, T}) -> 1 + depth(T).

append_all([]) -> [];
append_all([H | T]) -> H ++ append_all(T).
