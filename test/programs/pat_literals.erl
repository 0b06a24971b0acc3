%% Literal patterns: integers vs floats, signed zero, big integers, strings, empty containers.
-module(pat_literals).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [1, 1.0, 0.0, -0.0, 0, 123456789012345678901234567890, -1, "",
            [], <<>>, {}, #{}, "abc", abc, 'ABC', $a, 97, 2.5, -2.5, 1.0e10],
    [{V, lit(?MODULE:id(V))} || V <- Vals].

lit(1) -> int_one;
lit(1.0) -> float_one;
lit(0.0) -> float_zero;
lit(0) -> int_zero;
lit(123456789012345678901234567890) -> bignum;
lit(-1) -> minus_one;
lit([]) -> nil;
lit(<<>>) -> empty_bin;
lit({}) -> empty_tuple;
lit(#{}) -> any_map;
lit("abc") -> abc_string;
lit(abc) -> abc_atom;
lit('ABC') -> quoted_atom;
lit($a) -> char_a;
lit(2.5) -> two_and_half;
lit(-2.5) -> minus_two_and_half;
lit(1.0e10) -> ten_billion;
lit(_) -> other.
