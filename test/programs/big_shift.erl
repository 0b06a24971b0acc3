%% bsl/bsr on small and big integers, positive and negative, including negative shift counts.
-module(big_shift).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Xs = [1, -1, 255, -255, 1 bsl 62, 1 bsl 63, -(1 bsl 63), 16#123456789ABCDEF0123456789, -(16#FEDCBA9876543210FF)],
    Shifts = [0, 1, 7, 31, 32, 63, 64, 65, 100, 200, -1, -64, -100],
    [[{?MODULE:id(X) bsl S, ?MODULE:id(X) bsr S} || S <- Shifts] || X <- Xs] ++
        [[1 bsl 1000 bsr 998, (-1) bsr 1000, (-(1 bsl 100)) bsr 99, 5 bsr 10, -5 bsr 10]].
