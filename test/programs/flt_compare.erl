%% Integer/float comparison: == vs =:=, ordering of equal values, and is_float/is_integer.
-module(flt_compare).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    One = ?MODULE:id(1), OneF = ?MODULE:id(1.0),
    {One == OneF, One =:= OneF, One /= OneF, One =/= OneF, One < OneF, One > OneF,
     lists:sort([2.0, 1, 1.0, 2, 0.5]), lists:usort([1, 1.0, 2, 2.0]),
     lists:member(1.0, [1]), lists:keyfind(1.0, 1, [{1, int}]), lists:keyfind(1, 1, [{1.0, flt}]),
     max(1, 1.0), min(1, 1.0), max(1.0, 1), min(1.0, 1), lists:max([3, 3.0]),
     lists:delete(1.0, [1, 1.0]), [1, 2] -- [1.0], 0 == -0.0, 0 =:= 0.0,
     erlang:abs(-0.0), 1 bsl 53 == float(1 bsl 53)}.
