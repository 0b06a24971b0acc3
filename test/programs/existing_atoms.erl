%% Atoms that exist because loaded code holds them, in its atom table or
%% only inside a literal term: list_to_existing_atom/1 and
%% binary_to_existing_atom/2 find them; a never-seen name is badarg.
-module(existing_atoms).
-export([main/0]).

opts() -> [{beamjs_only_in_a_literal_xq, true}, #{beamjs_map_key_in_literal_xq => 1}].

try_atom(F) ->
    try F() catch error:badarg -> badarg end.

main() ->
    _ = opts(),
    A = try_atom(fun() -> list_to_existing_atom("beamjs_only_in_a_literal_xq") end),
    B = try_atom(fun() -> binary_to_existing_atom(<<"beamjs_map_key_in_literal_xq">>, utf8) end),
    C = try_atom(fun() -> list_to_existing_atom("beamjs_never_written_anywhere_" ++ integer_to_list(7)) end),
    D = try_atom(fun() -> binary_to_existing_atom(<<"try_atom">>, utf8) end),
    {A, B, C, D}.
