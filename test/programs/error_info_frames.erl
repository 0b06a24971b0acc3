%% erlang:error/3's error_info option in the raising frame's location, and the frames of
%% erts's preloaded modules (erlang, zlib, ...), which carry no file and line on BEAM.
-module(error_info_frames).
-export([main/0, f/1, id/1]).

id(X) -> X.

f(X) -> erlang:error(badarg, [X], [{error_info, #{module => foo, cause => bar}}]).

c(F) -> try F() catch C:R:S -> {C, R, lists:sublist(S, 2)} end.

main() ->
    [c(fun() -> f(1) end),
     c(fun() -> erlang:error(badarg, [1], []) end),
     c(fun() -> erlang:error(badarg, none, [{error_info, #{}}]) end),
     c(fun() -> erlang:error(badarg, [1], [{error_info, x}, {other, 1}]) end),
     c(fun() -> erlang:error(badarg, [1], [{other, 1}, {error_info, #{a => 1}}]) end),
     c(fun() -> erlang:error(badarg, [1], bad) end),
     c(fun() -> erlang:error(badarg, [1], [{error_info, #{a => 1}}, {error_info, #{b => 2}}]) end),
     c(fun() -> erlang:error(badarg, [1], [{error_info, #{}} | bad]) end),
     c(fun() -> erlang:error(badarg, [1], [{error_info, #{}}, {other, 1}]) end),
     c(fun() -> erlang:open_port({spawn, "cat"}, [{packet, 3}]) end),
     c(fun() -> erlang:port_info(42, name) end),
     c(fun() -> binary_to_atom(?MODULE:id(<<255>>), utf8) end),
     c(fun() -> lists:duplicate(?MODULE:id(a), b) end)].
