%% Files through OTP's file module: write/read whole files, raw handles with
%% positions, pread/pwrite and read_line, directories, rename/delete, file
%% info, links, consult, errors. Works under $TMPDIR and removes what it made.
-module(file_basic).
-export([main/0]).
-include_lib("kernel/include/file.hrl").

main() ->
    Started = start(),
    Dir = scratch("file_basic"),
    try run(Dir)
    after
        file:del_dir_r(Dir),
        stop(Started)
    end.

p(Dir, Name) -> filename:join(Dir, Name).

info({ok, #file_info{type = directory, mode = M}}) -> {ok, directory, M band 8#777};
info({ok, #file_info{size = S, type = T, mode = M, links = L}}) -> {ok, S, T, M band 8#777, L};
info(E) -> E.

run(D) ->
    F = p(D, "a.txt"),
    Whole = [file:write_file(F, ["abc", <<"def">>, $\n]), file:read_file(F),
             file:write_file(F, <<"ghi">>, [append]), file:read_file(F),
             file:read_file(p(D, "none")), file:read_file(D), file:write_file(p(D, "no/x"), "x")],
    {ok, H} = file:open(F, [read, write, raw, binary]),
    Raw = [file:read(H, 2), file:position(H, cur), file:position(H, {eof, -3}), file:read(H, 10),
           file:read(H, 1), file:pwrite(H, 1, <<"XY">>), file:pread(H, 0, 4),
           file:position(H, 2), file:truncate(H), file:position(H, bof), file:read(H, 100),
           file:close(H), file:close(H)],
    ok = file:write_file(F, <<"l1\nl2\r\nl3">>),
    {ok, L} = file:open(F, [read, raw, binary, {read_ahead, 2}]),
    Lines = [file:read_line(L), file:read_line(L), file:read_line(L), file:read_line(L)],
    ok = file:close(L),
    Dirs = [file:make_dir(p(D, "sub")), file:make_dir(p(D, "sub")),
            file:write_file(p(D, "sub/one"), <<"1">>), file:write_file(p(D, "sub/two"), <<"22">>),
            sorted(file:list_dir(p(D, "sub"))), file:del_dir(p(D, "sub")),
            file:rename(p(D, "sub/one"), p(D, "sub/uno")), sorted(file:list_dir(p(D, "sub"))),
            file:delete(p(D, "sub/uno")), file:delete(p(D, "sub/uno")), file:delete(p(D, "sub")),
            file:list_dir(p(D, "none"))],
    Infos = [info(file:read_file_info(F)), info(file:read_file_info(p(D, "sub"))),
             info(file:read_file_info(p(D, "none"))), file:change_mode(F, 8#600),
             info(file:read_file_info(F)),
             file:make_symlink("a.txt", p(D, "ln")), file:read_link(p(D, "ln")),
             info(file:read_link_info(p(D, "ln"))), file:read_file(p(D, "ln"))],
    ok = file:write_file(p(D, "t.config"), <<"{a, 1}.\n\"s\".\n[x | y].\n">>),
    Consult = [file:consult(p(D, "t.config")), file:consult(p(D, "none"))],
    {Whole, Raw, Lines, Dirs, Infos, Consult}.

sorted({ok, L}) -> {ok, lists:sort(L)};
sorted(X) -> X.

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
