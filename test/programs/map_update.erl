%% Map update: `=>` inserts or replaces, `:=` only replaces and raises {badkey,K} otherwise.
-module(map_update).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    M = #{a => 1, b => 2},
    M1 = M#{c => 3},
    M2 = M#{a := 10},
    M3 = M#{a := 100, b => 200, d => 400},
    M4 = M#{1 => one, 1.0 => float_one},
    E1 = try (?MODULE:id(M))#{missing := x} catch C:R -> {C, R} end,
    E2 = try (?MODULE:id(not_a_map))#{a => 1} catch C2:R2 -> {C2, R2} end,
    E3 = try (?MODULE:id([]))#{a := 1} catch C3:R3 -> {C3, R3} end,
    E4 = try (?MODULE:id(M))#{a := 1, zz := 2} catch C4:R4 -> {C4, R4} end,
    {M, M1, M2, M3, M4, E1, E2, E3, E4, M =:= #{b => 2, a => 1}}.
