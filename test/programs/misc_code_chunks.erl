%% code:get_chunk/2 (erts_internal:beamfile_chunk/2) on an installed .beam and on
%% a binary that is not one, and erl_features:used/1 that reads the Meta chunk.
-module(misc_code_chunks).
-export([main/0]).
main() ->
    {module, lists} = code:ensure_loaded(lists),
    {ok, Bin} = file:read_file(code:which(lists)),
    {byte_size(code:get_chunk(Bin, "AtU8")), code:get_chunk(Bin, "Atom"),
     code:get_chunk(Bin, "Zzzz"), catch code:get_chunk(<<"nope">>, "Atom"),
     erl_features:used(lists)}.
