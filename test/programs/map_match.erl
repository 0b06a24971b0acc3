%% Map patterns: partial matches, variable keys bound earlier, maps in function heads and cases.
-module(map_match).
-export([main/0]).

main() ->
    Reqs = [#{method => get, path => "/"}, #{method => post, path => "/x", body => <<"hi">>},
            #{method => get}, #{}, #{path => "/y", method => delete, extra => 1}, not_map],
    Key = path,
    Extracted = [P || #{Key := P} <- Reqs],
    {[handle(R) || R <- Reqs], Extracted, nested(#{a => #{b => #{c => deep}}}),
     nested(#{a => #{b => 1}}), both(#{x => 1, y => 1}), both(#{x => 1, y => 2})}.

handle(#{method := get, path := P}) -> {get, P};
handle(#{method := post, body := B} = M) -> {post, B, map_size(M)};
handle(#{method := M}) when M =/= get -> {other_method, M};
handle(#{method := _}) -> no_path;
handle(M) when is_map(M) -> empty;
handle(_) -> not_a_map.

nested(#{a := #{b := #{c := V}}}) -> {found, V};
nested(#{a := #{b := V}}) -> {shallow, V}.

both(#{x := V, y := V}) -> same;
both(#{x := _, y := _}) -> different.
