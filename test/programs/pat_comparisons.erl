%% Comparison operators in guards and as expressions, across types.
-module(pat_comparisons).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Pairs = [{1, 1.0}, {1, 2}, {2.0, 1}, {a, 1}, {a, b}, {{1}, [1]}, {[], [a]},
             {<<1>>, [1]}, {#{}, {}}, {"abc", "abd"}, {1 bsl 80, 1.0e30},
             {-(1 bsl 80), -1.0e30}, {{a, b}, {a, b, c}}, {{2}, {1, 1}}],
    [{A, B, ops(?MODULE:id(A), ?MODULE:id(B)), g(A, B)} || {A, B} <- Pairs].

ops(A, B) ->
    [A == B, A /= B, A =:= B, A =/= B, A < B, A =< B, A > B, A >= B].

g(A, B) when A == B, A =/= B -> equal_not_exact;
g(A, B) when A =:= B -> exact;
g(A, B) when A < B -> less;
g(A, B) when A >= B -> greater_or_equal.
