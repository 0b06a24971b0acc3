%% erlang:system_info/1: OTP 25 facts, shapes of host facts, badarg for unknown items.
-module(sysinfo_facts).
-export([main/0, id/1]).

id(X) -> X.

chars(L) -> is_list(L) andalso lists:all(fun(C) -> is_integer(C) andalso C >= $\n andalso C < 127 end, L).

si(I) -> try erlang:system_info(I) catch C:R -> {C, R} end.

main() ->
    Facts = [si(I) || I <- [otp_release, machine, wordsize, {wordsize, internal}, {wordsize, external},
                           compat_rel, nif_version, driver_version, context_reductions, process_limit,
                           atom_limit, ets_limit, heap_type, build_type, time_warp_mode, time_offset,
                           endian, smp_support, threads, creation, dist_ctrl]],
    {Family, Name} = si(os_type),
    {Ma, Mi, Pa} = si(os_version),
    Shapes = [is_atom(Family), is_atom(Name), is_integer(Ma + Mi + Pa),
              is_integer(si(process_count)) andalso si(process_count) > 0,
              is_integer(si(schedulers)), is_integer(si(schedulers_online)),
              chars(si(system_version)), chars(si(system_architecture)),
              is_list(si(version)), lists:member(si(emu_flavor), [emu, jit])],
    GC = si(garbage_collection),
    Bad = [si(I) || I <- ?MODULE:id([bogus, reductions, "otp_release", 1, {wordsize, x}, {a, b, c}])],
    {Facts, Shapes, lists:sort(GC), Bad}.
