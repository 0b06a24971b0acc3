%% A small CSV/INI parser combining string, lists and proplists.
-module(std_string_tokens).
-export([main/0]).

main() ->
    Ini = "[server]\nhost = example.org\nport=8080\n\n[client]\nretries = 3\n; comment\nname= bob ",
    Csv = "id,name,score\n1,ann,90\n2,bob,75\n3,cy,88",
    {parse_ini(Ini), parse_csv(Csv)}.

parse_ini(Text) ->
    Lines = [string:trim(L) || L <- string:split(Text, "\n", all)],
    {_, Acc} = lists:foldl(fun ini_line/2, {none, []}, Lines),
    lists:reverse(Acc).

ini_line("", St) -> St;
ini_line(";" ++ _, St) -> St;
ini_line("[" ++ Rest, {_, Acc}) -> {list_to_atom(string:trim(Rest, trailing, "]")), Acc};
ini_line(Line, {Sec, Acc}) ->
    [K, V] = string:split(Line, "="),
    {Sec, [{Sec, string:trim(K), string:trim(V)} | Acc]}.

parse_csv(Text) ->
    [Header | Rows] = [string:split(L, ",", all) || L <- string:split(Text, "\n", all)],
    Keys = [list_to_atom(H) || H <- Header],
    Recs = [maps:from_list(lists:zip(Keys, R)) || R <- Rows],
    Avg = lists:sum([list_to_integer(maps:get(score, R)) || R <- Recs]) / length(Recs),
    {Recs, Avg}.
