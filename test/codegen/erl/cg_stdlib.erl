%% Differential fixture: OTP's own stdlib code, compiled from the installed
%% .beam files, running on beamjs.
-module(cg_stdlib).
-export([t_lists/0, t_lists2/0, t_sort/0, t_string/0, t_format/0, t_format_p/0, t_sets/0,
         t_dict/0, t_gb_trees/0, t_queue/0, t_maps/0, t_proplists/0, t_orddict/0, t_binary/0,
         t_unicode/0, t_io_lib_misc/0, t_array/0, t_lists_funs/0, t_string_ops/0, t_erl_scan/0]).

t_lists() -> L = lists:seq(1, 20), [lists:sum(L), lists:max(L), lists:nth(5, L), lists:last(L),
  lists:sublist(L, 3, 4), lists:split(3, [a, b, c, d]), lists:zip([1, 2], [a, b]), lists:unzip([{1, a}]),
  lists:append([[1], [2, 3]]), lists:duplicate(3, x), lists:nthtail(18, L), lists:member(7, L)].
t_lists2() -> [lists:keysort(2, [{a, 3}, {b, 1}, {c, 2}]), lists:ukeymerge(1, [{1, a}], [{1, b}, {2, c}]),
  lists:usort([3, 1, 2, 1]), lists:flatmap(fun(X) -> [X, X] end, [1, 2]), lists:partition(fun(X) -> X > 1 end, [1, 2, 3]),
  lists:splitwith(fun(X) -> X < 3 end, [1, 2, 3, 4]), lists:subtract([1, 2, 3], [2]), lists:droplast([1, 2])].
t_sort() -> R = [X * 7919 rem 1000 || X <- lists:seq(1, 3000)], [lists:sort(R) =:= lists:usort(R) ++ [],
  lists:sum(lists:sort(fun(A, B) -> A >= B end, R)), hd(lists:sort(R)), lists:sublist(lists:reverse(lists:sort(R)), 5)].
t_string() -> [string:tokens("a,b,,c", ","), string:split("a=b=c", "="), string:trim("  x  "), string:uppercase("abc"),
  string:join(["a", "b"], "-"), string:to_integer("42abc"), string:lexemes("a b  c", " "), string:find("hello", "ll")].
t_format() -> lists:flatten(io_lib:format("~w ~s ~p ~b ~.2f ~e ~c ~x~n", [{a, [1]}, "str", #{k => v}, 255, 3.14159, 1.5, $z, 255])).
t_format_p() -> lists:flatten(io_lib:format("~p", [[{record, lists:seq(1, 30)}, <<"binary">>, 'quoted atom', "a string"]])).
t_sets() -> S = sets:from_list([3, 1, 2, 3]), [sets:size(S), lists:sort(sets:to_list(S)), sets:is_element(2, S),
  lists:sort(sets:to_list(sets:union(S, sets:from_list([9]))))].
t_dict() -> D = dict:store(b, 2, dict:store(a, 1, dict:new())), [dict:fetch(a, D), lists:sort(dict:to_list(D)), dict:find(c, D)].
t_gb_trees() -> T = lists:foldl(fun(K, Acc) -> gb_trees:insert(K, K * K, Acc) end, gb_trees:empty(), lists:seq(1, 100)),
  [gb_trees:size(T), gb_trees:lookup(7, T), gb_trees:smallest(T), gb_trees:largest(T), lists:sum(gb_trees:values(T))].
t_queue() -> Q = queue:in(3, queue:in(2, queue:in(1, queue:new()))), {{value, V}, Q2} = queue:out(Q), [V, queue:to_list(Q2), queue:len(Q2)].
t_maps() -> M = maps:from_list([{I, I * I} || I <- lists:seq(1, 50)]), [maps:size(M), maps:get(7, M),
  lists:sum(maps:values(maps:filter(fun(K, _) -> K rem 2 =:= 0 end, M))), maps:fold(fun(K, V, A) -> K + V + A end, 0, M),
  maps:to_list(maps:map(fun(_, V) -> V + 1 end, #{a => 1, b => 2}))].
t_proplists() -> P = [{a, 1}, b, {c, 3}], [proplists:get_value(a, P), proplists:get_bool(b, P), proplists:get_keys(P)].
t_orddict() -> O = orddict:from_list([{b, 2}, {a, 1}]), [orddict:fetch(a, O), orddict:to_list(orddict:store(c, 3, O))].
t_binary() -> [binary:bin_to_list(<<"abc">>), binary:encode_hex(<<1, 255>>), binary:decode_hex(<<"01ff">>)].
t_unicode() -> [unicode:characters_to_list(<<"héllo"/utf8>>), unicode:characters_to_binary("h€llo"), string:length("h€llo")].
t_io_lib_misc() -> [io_lib:write_atom('a b'), lists:flatten(io_lib:write([1, {2}])), io_lib:printable_list("abc"),
  lists:flatten(io_lib:fwrite("~10.3.0f|~-5s|~5s", [3.14159, "ab", "cd"]))].
t_array() -> A = array:from_list([a, b, c]), [array:get(1, A), array:size(A), array:to_list(array:set(5, z, A))].
t_lists_funs() -> [lists:foldr(fun(X, Acc) -> [X | Acc] end, [], [1, 2, 3]), lists:all(fun is_integer/1, [1, 2]),
  lists:any(fun is_atom/1, [1, a]), lists:filtermap(fun(X) -> X > 1 andalso {true, X * 10} end, [1, 2, 3]),
  lists:mapfoldl(fun(X, S) -> {X * 2, S + X} end, 0, [1, 2, 3]), lists:dropwhile(fun(X) -> X < 2 end, [1, 2, 3])].
t_string_ops() -> [string:slice("hello world", 6), string:pad("ab", 5, both, $*), string:reverse("abc"),
  string:titlecase("hello"), string:casefold("ÄBC"), string:equal("a", "a"), string:is_empty("")].
t_erl_scan() -> {ok, Toks, _} = erl_scan:string("foo(X) -> X + 1."), [element(1, T) || T <- Toks].
