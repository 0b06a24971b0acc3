%% Files through io servers (file:open/2 without raw: file_io_server
%% processes) and filelib: io:format/io:get_line/io:get_chars on files,
%% positions, utf8 encoding, wildcard, ensure_dir, fold_files, file:copy.
%% Works under $TMPDIR and removes what it made.
-module(file_io).
-export([main/0]).

main() ->
    Started = start(),
    Dir = scratch("file_io"),
    try run(Dir)
    after
        file:del_dir_r(Dir),
        stop(Started)
    end.

p(Dir, Name) -> filename:join(Dir, Name).

run(D) ->
    F = p(D, "io.txt"),
    {ok, W} = file:open(F, [write]),
    Out = [io:format(W, "~w ~s~n", [{x, 1}, "two"]), io:put_chars(W, "line2\n"),
           file:write(W, <<"end">>), file:position(W, cur), file:close(W)],
    {ok, R} = file:open(F, [read]),
    In = [io:get_line(R, ""), io:get_chars(R, "", 3), file:read_line(R),
          file:position(R, {bof, 1}), file:read(R, 3), file:pread(R, 0, 2),
          io:get_line(R, ""), io:get_line(R, ""), io:get_line(R, ""), file:close(R)],
    {ok, U} = file:open(p(D, "u.txt"), [write, {encoding, utf8}]),
    ok = io:format(U, "~ts~n", ["ĉĝ €"]),
    ok = file:close(U),
    {ok, U2} = file:open(p(D, "u.txt"), [read, {encoding, utf8}]),
    Utf = [file:read_file(p(D, "u.txt")), io:get_line(U2, "")],
    ok = file:close(U2),
    ok = filelib:ensure_dir(p(D, "w/a/b/x")),
    [ok = file:write_file(p(D, N), N) || N <- ["w/1.erl", "w/a/2.erl", "w/a/b/3.erl", "w/a/4.txt"]],
    W0 = p(D, "w"),
    Rel = fun(Names) -> lists:sort([lists:nthtail(length(W0) + 1, N) || N <- Names]) end,
    Lib = [Rel(filelib:wildcard(p(W0, "**/*.erl"))), lists:sort(filelib:wildcard("a/*", W0)),
           Rel(filelib:fold_files(W0, "\\.erl$", true, fun(X, A) -> [X | A] end, [])),
           filelib:is_dir(p(D, "w/a/b")), filelib:is_file(p(D, "w/1.erl")),
           filelib:is_regular(p(D, "w/a")), filelib:file_size(p(D, "w/a/4.txt"))],
    Copy = [file:copy(F, p(D, "copy.txt")), file:read_file(p(D, "copy.txt")),
            file:copy(p(D, "none"), p(D, "c2"))],
    {Out, In, Utf, Lib, Copy}.

%% On a system without the file server (beamjs runs programs without
%% booting kernel), start what the file module needs, and stop it after.
start() ->
    case whereis(file_server_2) of
        undefined ->
            Init = case whereis(init) of
                       undefined -> register(init, spawn(fun init_stub/0)), true;
                       _ -> false
                   end,
            {ok, _} = file_server:start(),
            {started, Init};
        _ -> running
    end.

stop(running) -> ok;
stop({started, Init}) ->
    file_server:stop(),
    case Init of
        true -> exit(whereis(init), kill), ok;
        false -> ok
    end.

%% init's answers to the questions file_server asks.
init_stub() ->
    receive
        {From, {get_argument, _}} -> From ! {init, error};
        {From, get_arguments} -> From ! {init, []};
        _ -> ok
    end,
    init_stub().

scratch(Name) ->
    Base = os:getenv("TMPDIR", "/tmp"),
    Dir = filename:join(Base, Name ++ "_" ++ integer_to_list(erlang:unique_integer([positive]))
                              ++ "_" ++ os:getpid()),
    ok = file:make_dir(Dir),
    Dir.
