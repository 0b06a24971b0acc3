%% Mixed arithmetic on bignums: +, -, *, abs, negation, overflow into and out of bignum range.
-module(big_arith).
-export([main/0]).

main() ->
    Max = (1 bsl 59) - 1,
    A = 16#FFFFFFFFFFFFFFFF,
    B = -16#1000000000000000000000001,
    {Max + 1, Max * Max, -Max - 10, A + B, A - B, A * B, B * B, abs(B), -A,
     (A * A) - (A * A) + 5, pow(3, 200), pow(-2, 127), (1 bsl 64) - (1 bsl 64),
     float(A), float(B), A + 0.5, trunc(1.0e20), round(-1.5e19), gcd(fact(30), pow(2, 40) * 3),
     is_integer(A * 0), A * 0}.

pow(_, 0) -> 1;
pow(B, N) when N rem 2 =:= 0 -> H = pow(B, N div 2), H * H;
pow(B, N) -> B * pow(B, N - 1).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).
