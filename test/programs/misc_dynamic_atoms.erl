%% Creating thousands of atoms dynamically and looking them up again.
-module(misc_dynamic_atoms).
-export([main/0]).

main() ->
    Names = ["corpus_dyn_" ++ integer_to_list(I) || I <- lists:seq(1, 5000)],
    Atoms = [list_to_atom(N) || N <- Names],
    Again = [list_to_existing_atom(N) || N <- Names],
    {Atoms =:= Again, length(lists:usort(Atoms)), lists:nth(4321, Atoms),
     binary_to_existing_atom(<<"corpus_dyn_17">>, utf8), atom_to_list(lists:last(Atoms))}.
