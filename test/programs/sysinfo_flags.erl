%% erlang:system_flag/2 returns old values, rounds heap sizes, rejects bad values; restores everything.
-module(sysinfo_flags).
-export([main/0, id/1]).

id(X) -> X.

sf(F, V) -> try erlang:system_flag(F, V) catch C:R -> {C, R} end.

main() ->
    Mh = [sf(min_heap_size, V) || V <- ?MODULE:id([10, 1000, 0, 233, -1, a])],
    Fs = [sf(fullsweep_after, V) || V <- ?MODULE:id([5, 65535, -1])],
    Vh = [sf(min_bin_vheap_size, V) || V <- ?MODULE:id([100, 46422])],
    Mx = [sf(max_heap_size, V) || V <- ?MODULE:id([1000, 5, #{size => 0, kill => true}])],
    After = [erlang:system_info(I) || I <- [min_heap_size, fullsweep_after, min_bin_vheap_size, max_heap_size]],
    Bt = sf(backtrace_depth, 8),
    Bad = [sf(F, V) || {F, V} <- ?MODULE:id([{bogus, 1}, {backtrace_depth, -1}, {trace_control_word, -1}])],
    {Mh, Fs, Vh, Mx, After, Bt, Bad}.
