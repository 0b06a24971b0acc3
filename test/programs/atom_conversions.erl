%% Atom conversions to and from lists and binaries, existing atoms, quoting in ~w output.
-module(atom_conversions).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Atoms = [ok, 'Hello World', 'with\'quote', '', 'a.b', '123', 'tab\there', [], 'é', '\x{1F600}'],
    {[{A, atom_to_list(A), atom_to_binary(A), atom_to_binary(A, utf8)} || A <- Atoms, is_atom(A)],
     list_to_atom("dynamic_" ++ integer_to_list(42)),
     binary_to_atom(<<"from_bin">>, utf8), binary_to_atom(<<"caf", 233>>, latin1),
     list_to_existing_atom("ok"), binary_to_existing_atom(<<"error">>),
     [try list_to_atom(?MODULE:id(L)) catch C:R -> {C, R} end
      || L <- [[256], [1114111], lists:duplicate(255, $a), lists:duplicate(256, $a), [-1]]]
     =/= [], length(atom_to_list(list_to_atom(lists:duplicate(255, 16#1F600)))),
     try list_to_atom(lists:duplicate(256, $a)) catch C2:R2 -> {C2, R2} end,
     try atom_to_binary(?MODULE:id('é'), latin1) catch C3:R3 -> {C3, R3} end,
     try atom_to_binary(?MODULE:id('\x{1F600}'), latin1) catch C4:R4 -> {C4, R4} end}.
