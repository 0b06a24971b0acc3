%% os:perf_counter/1 and erlang:convert_time_unit/3 over native and perf_counter units (Erlang code over erts_internal).
-module(os_perf_units).
-export([main/0, id/1]).

id(X) -> X.

c(F) -> try F() catch C:R -> {C, R} end.

main() ->
    P1 = os:perf_counter(nanosecond),
    P2 = os:perf_counter(1000),
    S = os:system_time(second),
    Native = os:system_time(),
    [is_integer(P1) andalso P1 >= 0, is_integer(P2),
     abs(erlang:convert_time_unit(Native, native, second) - S) =< 1,
     erlang:convert_time_unit(1, second, native) > 0,
     erlang:convert_time_unit(5, second, perf_counter) > 0,
     c(fun() -> os:perf_counter(?MODULE:id(bogus)) end)].
