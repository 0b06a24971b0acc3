%% Reads standard input to its end with io:get_line/1 and reports each line
%% (with a prompt, which -noshell erl and beamjs both print), then eof.
-module(io_read_lines).
-export([main/0]).

main() ->
    loop(1).

loop(N) ->
    case io:get_line("line> ") of
        eof -> io:format("~neof after ~p lines~n", [N - 1]);
        {error, E} -> io:format("error ~p~n", [E]);
        Line -> io:format("~p: ~tp~n", [N, Line]), loop(N + 1)
    end.
