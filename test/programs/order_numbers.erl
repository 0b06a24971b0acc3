%% Number ordering: integers and floats interleave by value; equal values keep input order
%% in a stable sort; usort removes == duplicates.
-module(order_numbers).
-export([main/0]).

main() ->
    Ns = [3, 2.0, 2, 1.0e300, -1, -1.0, 1 bsl 100, 0.5, 0, 0.0, 1, -(1 bsl 100), 1.0],
    {lists:sort(Ns), lists:usort(Ns), lists:reverse(lists:sort(Ns)), lists:max(Ns), lists:min(Ns),
     lists:sort([1.0, 1]), lists:sort([1, 1.0]), lists:usort([1.0, 1]), lists:usort([1, 1.0])}.
