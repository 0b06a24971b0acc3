%% Mutual recursion: even/odd, a small recursive-descent expression parser, Ackermann.
-module(recur_mutual).
-export([main/0]).

main() ->
    {[is_even(N) || N <- [0, 1, 10, 99999]], [parse(S) || S <- ["1+2*3", "(1+2)*3", "2*(3+4)*5-6", "42"]],
     ack(2, 3), ack(3, 3)}.

is_even(0) -> true;
is_even(N) -> is_odd(N - 1).

is_odd(0) -> false;
is_odd(N) -> is_even(N - 1).

%% expr := term (('+'|'-') term)* ; term := factor ('*' factor)* ; factor := num | '(' expr ')'
parse(S) -> {V, []} = expr(S), V.

expr(S) -> {T, R} = term(S), expr_rest(T, R).
expr_rest(Acc, [$+ | R]) -> {T, R2} = term(R), expr_rest(Acc + T, R2);
expr_rest(Acc, [$- | R]) -> {T, R2} = term(R), expr_rest(Acc - T, R2);
expr_rest(Acc, R) -> {Acc, R}.

term(S) -> {F, R} = factor(S), term_rest(F, R).
term_rest(Acc, [$* | R]) -> {F, R2} = factor(R), term_rest(Acc * F, R2);
term_rest(Acc, R) -> {Acc, R}.

factor([$( | R]) -> {V, [$) | R2]} = expr(R), {V, R2};
factor(S) -> num(S, 0).

num([C | R], Acc) when C >= $0, C =< $9 -> num(R, Acc * 10 + C - $0);
num(R, Acc) -> {Acc, R}.

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).
