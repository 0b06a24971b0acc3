%% proplists: lookup, defaults, boolean shorthand, expansion and normalisation.
-module(std_proplists).
-export([main/0]).

main() ->
    P = [{name, "x"}, verbose, {level, 3}, {level, 4}, {debug, false}, compact, {tags, [a]}],
    [proplists:get_value(level, P), proplists:get_value(missing, P), proplists:get_value(missing, P, dflt),
     proplists:get_bool(verbose, P), proplists:get_bool(debug, P), proplists:get_bool(absent, P),
     proplists:get_all_values(level, P), proplists:lookup(name, P), proplists:lookup(nope, P),
     proplists:lookup_all(level, P), proplists:is_defined(compact, P), proplists:delete(level, P),
     lists:sort(proplists:get_keys(P)), proplists:append_values(tags, P ++ [{tags, [b]}]),
     proplists:compact(P), proplists:unfold([a, {b, 1}]), proplists:property(x, true),
     proplists:substitute_aliases([{colour, color}], [{colour, red}]),
     proplists:substitute_negations([{no_debug, debug}], [no_debug]),
     proplists:expand([{compact, [{level, 0}]}], [compact]),
     proplists:split([{a, 1}, {b, 2}, c], [a, c]), proplists:to_map([{a, 1}, b]),
     proplists:from_map(#{x => 1})].
