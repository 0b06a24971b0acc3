%% binary_to_term with [safe] refuses to create new atoms; used/2 option reports bytes read.
-module(misc_binary_to_term_safe).
-export([main/0]).

main() ->
    Known = term_to_binary({ok, [1, 2]}),
    %% ATOM_UTF8_EXT of an atom nobody creates: "corpus_never_made_atom_qq7".
    Name = <<"corpus_never_made_atom_qq7">>,
    Unknown = <<131, 118, (byte_size(Name)):16, Name/binary>>,
    {binary_to_term(Known, [safe]), try binary_to_term(Unknown, [safe]) catch C:R -> {C, R} end,
     binary_to_term(<<Known/binary, "trailing">>, [used]),
     try binary_to_term(<<131, 107, 0, 5, 1, 2>>) catch C2:R2 -> {C2, R2} end,
     binary_to_term(<<131, 100, 0, 2, $o, $k>>)}.
