%% Large case statements over integers and atoms (jump tables / select_val / select_tuple_arity).
-module(pat_select_val).
-export([main/0]).

main() ->
    {[num(N) || N <- lists:seq(-2, 22)],
     [word(W) || W <- [mon, tue, wed, thu, fri, sat, sun, xyz]],
     [arity(T) || T <- [{}, {a}, {a, b}, {a, b, c}, {a, b, c, d}, {1, 2, 3, 4, 5}, x]]}.

num(0) -> zero; num(1) -> one; num(2) -> two; num(3) -> three; num(4) -> four;
num(5) -> five; num(6) -> six; num(7) -> seven; num(8) -> eight; num(9) -> nine;
num(10) -> ten; num(11) -> eleven; num(12) -> twelve; num(13) -> thirteen;
num(15) -> fifteen; num(20) -> twenty; num(N) when N < 0 -> negative; num(_) -> other.

word(mon) -> 1; word(tue) -> 2; word(wed) -> 3; word(thu) -> 4; word(fri) -> 5;
word(sat) -> 6; word(sun) -> 7; word(_) -> 0.

arity({}) -> 0; arity({_}) -> 1; arity({_, _}) -> 2; arity({_, _, _}) -> 3;
arity({_, _, _, _}) -> 4; arity(T) when is_tuple(T) -> many; arity(_) -> not_tuple.
