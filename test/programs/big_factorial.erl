%% Factorial of 1000 and friends: exact bignum multiplication, digit sums, lengths.
-module(big_factorial).
-export([main/0]).

main() ->
    F1000 = fact(1000),
    S = integer_to_list(F1000),
    {length(S), lists:sum([C - $0 || C <- S]), lists:sublist(S, 20), F1000 rem 1000000007,
     trailing_zeros(F1000, 0), fact(25), fact(100) div fact(98), F1000 div fact(999)}.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

trailing_zeros(N, Z) when N rem 10 =:= 0 -> trailing_zeros(N div 10, Z + 1);
trailing_zeros(_, Z) -> Z.
