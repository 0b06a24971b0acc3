%% unique_integer and monotonic time: only their properties are observed.
-module(misc_unique_monotonic).
-export([main/0]).

main() ->
    Us = [erlang:unique_integer([positive, monotonic]) || _ <- lists:seq(1, 1000)],
    Ts = [erlang:monotonic_time() || _ <- lists:seq(1, 100)],
    Plain = [erlang:unique_integer() || _ <- lists:seq(1, 100)],
    {Us =:= lists:sort(Us), length(lists:usort(Us)), lists:all(fun(U) -> U > 0 end, Us),
     Ts =:= lists:sort(Ts), length(lists:usort(Plain)), is_integer(erlang:system_time(millisecond)),
     is_integer(erlang:monotonic_time(microsecond)), erlang:convert_time_unit(1, second, millisecond),
     is_integer(erlang:system_time())}.
