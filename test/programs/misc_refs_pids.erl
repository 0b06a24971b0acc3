%% References and pids: uniqueness, equality, conversions (checked, not printed).
-module(misc_refs_pids).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Refs = [make_ref() || _ <- lists:seq(1, 1000)],
    R = hd(Refs),
    P = self(),
    {length(lists:usort(Refs)), R =:= R, R =:= lists:nth(2, Refs), is_reference(R),
     lists:prefix("#Ref<", ref_to_list(R)), list_to_ref(ref_to_list(R)) =:= R,
     lists:prefix("<0.", pid_to_list(P)), list_to_pid(pid_to_list(P)) =:= P,
     binary_to_term(term_to_binary(R)) =:= R, binary_to_term(term_to_binary(P)) =:= P,
     node(R) =:= node(), node(P) =:= node(), is_pid(P), P =:= self(),
     try list_to_pid(?MODULE:id("not a pid")) catch C:E -> {C, E} end}.
