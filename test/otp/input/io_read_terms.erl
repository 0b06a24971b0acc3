%% io:read/1 (Erlang terms), io:fread/2 (formatted input) and
%% io:get_chars/2 on the same input stream, then lines to its end.
-module(io_read_terms).
-export([main/0]).

main() ->
    T1 = io:read(''),
    T2 = io:read(''),
    F = io:fread('', "~d ~a ~s"),
    C = io:get_chars('', 5),
    Rest = io:get_line(''),
    Next = io:get_line(''),
    End = io:get_line(''),
    io:format("~p~n", [[T1, T2, F, C, Rest, Next, End]]).
