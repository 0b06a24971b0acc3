%% Scenarios over OTP's file layer (file, file_server, file_io_server,
%% filelib, prim_file, erl_prim_loader) for the differential test
%% test/bifs/file.test.ts: run(Scenario, Dir) runs on BEAM and on beamjs, each
%% in its own fresh directory Dir, and the ~w text of the results must be
%% identical. Results hold no absolute paths (Dir is replaced by the atom
%% 'DIR'), no times, inodes or devices.
-module(file_driver).
-export([run/2, scenarios/0, start_servers/0, init_stub/0]).
-include_lib("kernel/include/file.hrl").

scenarios() ->
    [raw_rw, raw_positions, raw_read_line, raw_errors, whole_files, infos,
     dirs, renames_deletes, links, io_server, io_server_lines, consult,
     copy, filelib, cwd, names, prim_loader, pread_pwrite, read_ahead, modes,
     write_file_info].

%% file_server_2 is started by boot on a full system; tests start it
%% themselves. Also a stand-in `init` answering erl_prim_loader's questions.
start_servers() ->
    case whereis(init) of
        undefined -> register(init, spawn(?MODULE, init_stub, []));
        _ -> ok
    end,
    case whereis(file_server_2) of
        undefined -> {ok, _} = file_server:start();
        _ -> ok
    end,
    case whereis(erl_prim_loader) of
        undefined -> erl_prim_loader:start();
        _ -> ok
    end,
    ok.

init_stub() ->
    receive
        {From, {get_argument, _}} -> From ! {init, error};
        {From, get_arguments} -> From ! {init, []};
        _ -> ok
    end,
    init_stub().

run(Scenario, Dir) ->
    start_servers(),
    ok = filelib:ensure_dir(filename:join(Dir, "x")),
    try clean(Dir, scenario(Scenario, Dir))
    catch C:R:S -> {raised, C, clean(Dir, R), hd(S ++ [none])}
    end.

%% Replace the test directory (as a string or a binary) by 'DIR'.
clean(Dir, Dir) -> 'DIR';
clean(Dir, X) when is_list(X) ->
    case io_lib:printable_unicode_list(X) andalso lists:prefix(Dir, X) of
        true -> {'DIR', lists:nthtail(length(Dir), X)};
        false -> [clean(Dir, E) || E <- X]
    end;
clean(Dir, X) when is_tuple(X) -> list_to_tuple(clean(Dir, tuple_to_list(X)));
clean(Dir, X) when is_binary(X) ->
    B = unicode:characters_to_binary(Dir),
    case binary:match(X, B) of
        {0, L} -> {'DIR', binary:part(X, L, byte_size(X) - L)};
        _ -> X
    end;
clean(_, X) when is_pid(X) -> pid;
clean(_, X) when is_reference(X) -> ref;
clean(_, X) -> X.

p(Dir, Name) -> filename:join(Dir, Name).

%% The stable fields of a #file_info{}.
info({ok, #file_info{size = S, type = T, access = A, mode = M, links = L}}) ->
    {ok, S, T, A, M band 8#7777, L};
info(Other) -> Other.

scenario(raw_rw, D) ->
    F = p(D, "a.txt"),
    {ok, W} = file:open(F, [write, raw, binary]),
    R1 = file:write(W, [<<"hello ">>, "world", [$\n, <<"line2\n">>]]),
    R2 = file:close(W),
    R3 = file:close(W),
    {ok, R} = file:open(F, [read, raw, binary]),
    R4 = file:read(R, 5),
    R5 = file:read(R, 100),
    R6 = file:read(R, 1),
    R7 = file:read(R, 0),
    ok = file:close(R),
    {ok, L} = file:open(F, [read, raw]),
    R8 = file:read(L, 3),
    ok = file:close(L),
    [R1, R2, R3, R4, R5, R6, R7, R8];
scenario(raw_positions, D) ->
    F = p(D, "pos.bin"),
    {ok, H} = file:open(F, [read, write, raw, binary]),
    ok = file:write(H, <<"0123456789">>),
    Rs = [file:position(H, bof), file:read(H, 3), file:position(H, cur),
          file:position(H, {cur, -1}), file:read(H, 2), file:position(H, {eof, -2}),
          file:read(H, 10), file:position(H, {bof, -1}), file:position(H, 20),
          file:write(H, <<"X">>), file:position(H, eof), file:position(H, 4),
          file:truncate(H), file:position(H, eof), file:pread(H, 0, 100),
          file:position(H, {eof, 0}), file:write(H, "yz"),
          file:pread(H, [{0, 2}, {3, 10}, {100, 1}]),
          file:pwrite(H, [{1, <<"AB">>}, {8, "Q"}]),
          file:pread(H, 0, 10), file:sync(H), file:datasync(H),
          file:advise(H, 0, 0, normal), file:advise(H, 0, 0, bogus),
          file:allocate(H, 0, 100), file:position(H, eof)],
    ok = file:close(H),
    Rs ++ [file:read_file(F)];
scenario(raw_read_line, D) ->
    F = p(D, "lines.txt"),
    ok = file:write_file(F, <<"one\ntwo\r\nthree\n\nlast">>),
    {ok, H} = file:open(F, [read, raw, binary]),
    A = lines(H),
    ok = file:close(H),
    {ok, H2} = file:open(F, [read, raw, {read_ahead, 4}]),
    B = lines(H2),
    ok = file:close(H2),
    {ok, H3} = file:open(F, [read, raw, binary, read_ahead]),
    C = [file:read(H3, 2), file:read_line(H3), file:position(H3, cur), file:read(H3, 4)],
    ok = file:close(H3),
    [A, B, C];
scenario(raw_errors, D) ->
    [file:open(p(D, "missing/x"), [read, raw]),
     file:open(p(D, "nofile"), [read, raw]),
     file:open(D, [read, raw]),
     file:open(p(D, "x\0y"), [read, raw]),
     file:open(p(D, "ok"), [write, exclusive, raw]) =/= x,
     file:open(p(D, "ok"), [write, exclusive, raw]),
     file:read_file(p(D, "nofile")),
     file:read_file(D),
     file:write_file(p(D, "missing/x"), <<"a">>),
     file:write_file(D, <<"a">>),
     file:list_dir(p(D, "nofile")),
     file:list_dir(p(D, "ok")),
     file:delete(p(D, "nofile")),
     file:delete(D),
     file:del_dir(p(D, "nofile")),
     file:del_dir(p(D, "ok")),
     file:make_dir(D),
     file:make_dir(p(D, "missing/x")),
     file:read_file_info(p(D, "nofile")),
     file:read_file_info(p(D, "ok/x")),
     file:rename(p(D, "nofile"), p(D, "other")),
     file:read_link(p(D, "ok")),
     file:read_link(p(D, "nofile")),
     file:read_file(""),
     file:read_file(abc),
     file:read_file({a}),
     file:open(p(D, "ok"), [read, raw, bogus_mode]) =/= x,
     catch file:read(not_a_file, 1)];
scenario(whole_files, D) ->
    F = p(D, "w.bin"),
    Big = binary:copy(<<"0123456789abcdef">>, 20000),
    [file:write_file(F, Big), file:read_file(F) =:= {ok, Big},
     file:write_file(F, ["x", <<"y">>, [[$z]]]), file:read_file(F),
     file:write_file(F, <<"more">>, [append]), file:read_file(F),
     file:write_file(F, <<>>), file:read_file(F),
     file:write_file(p(D, "ünï"), <<"u">>), file:read_file(p(D, "ünï")),
     file:write_file(p(D, <<"bin_name">>), <<"b">>), file:read_file(p(D, "bin_name")),
     file:write_file(F, {bad}), file:write_file(F, [256])];
scenario(infos, D) ->
    F = p(D, "i.txt"),
    ok = file:write_file(F, <<"12345">>),
    ok = file:make_dir(p(D, "sub")),
    ok = file:write_file(p(D, "ro"), <<"r">>),
    ok = file:change_mode(p(D, "ro"), 8#444),
    [info(file:read_file_info(F)), info(file:read_file_info(p(D, "sub"))),
     info(file:read_file_info(p(D, "ro"))), info(file:read_link_info(F)),
     info(file:read_file_info(F, [{time, posix}])),
     info(file:read_file_info("/dev/null")),
     element(1, file:read_file_info(F, [{time, universal}])),
     begin {ok, I} = file:read_file_info(F, [{time, posix}]), is_integer(I#file_info.mtime) end,
     begin {ok, I2} = file:read_file_info(F), {{_, _, _}, {_, _, _}} = I2#file_info.mtime, ok end,
     begin {ok, H} = file:open(F, [read, raw]), R = info(file:read_file_info(H)), file:close(H), R end,
     filelib:file_size(F), filelib:is_regular(F), filelib:is_dir(F), filelib:is_dir(p(D, "sub")),
     filelib:is_file(p(D, "sub")), filelib:is_file(p(D, "nope")),
     filelib:last_modified(p(D, "nope"))];
scenario(dirs, D) ->
    [file:make_dir(p(D, "d1")), file:make_dir(p(D, "d1")),
     file:write_file(p(D, "d1/f1"), <<>>), file:write_file(p(D, "d1/f2"), <<>>),
     file:make_dir(p(D, "d1/sub")),
     sorted(file:list_dir(p(D, "d1"))),
     sorted(file:list_dir_all(p(D, "d1"))),
     file:del_dir(p(D, "d1")),
     file:delete(p(D, "d1/f1")), file:delete(p(D, "d1/f2")), file:del_dir(p(D, "d1/sub")),
     file:list_dir(p(D, "d1")), file:del_dir(p(D, "d1")), file:list_dir(p(D, "d1")),
     filelib:ensure_dir(p(D, "a/b/c/file")), filelib:is_dir(p(D, "a/b/c")),
     file:del_dir_r(p(D, "a")), filelib:is_dir(p(D, "a")),
     filelib:ensure_path(p(D, "e/f")), filelib:is_dir(p(D, "e/f"))];
scenario(renames_deletes, D) ->
    ok = file:write_file(p(D, "r1"), <<"one">>),
    ok = file:make_dir(p(D, "rd")),
    ok = file:write_file(p(D, "rd/in"), <<"in">>),
    ok = file:make_dir(p(D, "rd2")),
    ok = file:write_file(p(D, "rd2/in"), <<"in">>),
    [file:rename(p(D, "r1"), p(D, "r2")), file:read_file(p(D, "r1")), file:read_file(p(D, "r2")),
     file:rename(p(D, "r2"), p(D, "rd")), file:rename(p(D, "rd"), p(D, "rd2")),
     file:rename(p(D, "rd"), p(D, "rd3")), sorted(file:list_dir(p(D, "rd3"))),
     file:delete(p(D, "r2")), file:delete(p(D, "r2")), file:delete(p(D, "rd3")),
     file:del_dir(p(D, "rd3"))];
scenario(links, D) ->
    ok = file:write_file(p(D, "target"), <<"t">>),
    [file:make_symlink("target", p(D, "sl")), file:read_link(p(D, "sl")),
     file:read_link_all(p(D, "sl")), file:read_file(p(D, "sl")),
     info(file:read_link_info(p(D, "sl"))), element(3, element(2, file:read_file_info(p(D, "sl")))),
     file:make_symlink("target", p(D, "sl")), file:make_link(p(D, "target"), p(D, "hl")),
     info(file:read_file_info(p(D, "hl"))), file:make_link(p(D, "target"), p(D, "hl")),
     file:make_symlink("nowhere", p(D, "dangling")), info(file:read_file_info(p(D, "dangling"))),
     info(file:read_link_info(p(D, "dangling"))), filelib:is_file(p(D, "dangling")),
     file:read_link(p(D, "target"))];
scenario(io_server, D) ->
    F = p(D, "io.txt"),
    {ok, W} = file:open(F, [write]),
    R1 = io:format(W, "~p and ~s~n", [{a, [1, 2]}, "text"]),
    R2 = file:write(W, <<"raw bytes\n">>),
    R3 = io:put_chars(W, "chars\n"),
    R4 = file:position(W, cur),
    R5 = file:close(W),
    R6 = file:close(W),
    {ok, R} = file:open(F, [read]),
    R7 = io:get_line(R, ""),
    R8 = file:read(R, 4),
    R9 = file:read_line(R),
    R10 = file:position(R, {bof, 2}),
    R11 = io:get_chars(R, "", 3),
    R12 = file:pread(R, 0, 5),
    R13 = io:get_line(R, ""),
    R14 = file:read(R, 100),
    R15 = file:read(R, 1),
    R16 = io:get_line(R, ""),
    ok = file:close(R),
    {ok, B} = file:open(F, [read, binary]),
    R17 = file:read(B, 6),
    R18 = io:get_line(B, ""),
    ok = file:close(B),
    {ok, A} = file:open(F, [append]),
    R19 = io:format(A, "appended~n", []),
    ok = file:close(A),
    {ok, U} = file:open(p(D, "u.txt"), [write, {encoding, utf8}]),
    R20 = io:format(U, "~ts~n", ["ĉĝ ü"]),
    ok = file:close(U),
    R21 = file:read_file(p(D, "u.txt")),
    {ok, U2} = file:open(p(D, "u.txt"), [read, {encoding, utf8}]),
    R22 = io:get_line(U2, ""),
    ok = file:close(U2),
    [R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13, R14, R15, R16,
     R17, R18, R19, file:read_file(F), R20, R21, R22];
scenario(io_simple, D) ->
    {ok, W} = file:open(p(D, "s"), [write]),
    [catch file:write(W, <<"x">>), catch io:request(W, {put_chars, latin1, "abc"}),
     catch io:request(W, {put_chars, unicode, "abc"}),
     catch io:put_chars(W, "x"), catch io:format(W, "a~n", []),
     catch io_lib:format("~p and ~s~n", [{a, [1, 2]}, "text"]),
     catch io:format(W, "~p~n", [{a, [1, 2]}]), catch io:format(W, "~s~n", ["text"]),
     catch io:request(W, {put_chars, unicode, io_lib, format, ["~p~n", [{a, [1, 2]}]]}),
     file:close(W), file:read_file(p(D, "s"))];
scenario(raw_args, D) ->
    F = p(D, "args"),
    ok = file:write_file(F, <<"0123456789">>),
    {ok, H} = file:open(F, [read, write, raw, binary]),
    T = fun(G) -> try G() catch C:R -> {C, R} end end,
    Rs = [T(fun() -> file:read(H, -1) end), T(fun() -> file:read(H, 1.5) end),
          T(fun() -> file:read(H, 0) end),
          T(fun() -> file:position(H, {bof, 1.5}) end), T(fun() -> file:position(H, {foo, 1}) end),
          T(fun() -> file:position(H, 1 bsl 70) end), T(fun() -> file:position(H, {cur, -100}) end),
          T(fun() -> file:pread(H, -1, 1) end), T(fun() -> file:pread(H, 0, -1) end),
          T(fun() -> file:pread(H, a, 1) end), T(fun() -> file:pread(H, 0, 1.0) end),
          T(fun() -> file:pwrite(H, -1, <<"x">>) end), T(fun() -> file:pwrite(H, 0, [a]) end),
          T(fun() -> file:write(H, {x}) end), T(fun() -> file:write(H, [1 | 2]) end),
          T(fun() -> file:allocate(H, -1, 1) end), T(fun() -> file:allocate(H, 0, 0) end),
          T(fun() -> file:advise(H, a, 1, normal) end), T(fun() -> file:advise(H, -1, 1, normal) end),
          T(fun() -> byte_size(prim_file:get_handle(H)) end),
          T(fun() -> file:ipread_s32bu_p32bu(H, 0, 100) end),
          T(fun() -> file:pwrite(H, 0, <<0, 0, 0, 2, 0, 0, 0, 8, "ab">>) end),
          T(fun() -> file:ipread_s32bu_p32bu(H, 0, 100) end),
          T(fun() -> file:ipread_s32bu_p32bu(H, 0, 1) end),
          T(fun() -> file:ipread_s32bu_p32bu(H, 5, 100) end),
          T(fun() -> file:ipread_s32bu_p32bu(H, 0, infinity) end),
          T(fun() -> file:close(H) end), T(fun() -> file:read(H, 1) end),
          T(fun() -> file:write(H, "x") end), T(fun() -> file:position(H, 0) end),
          T(fun() -> file:pread(H, 0, 1) end), T(fun() -> file:sync(H) end),
          T(fun() -> file:truncate(H) end), T(fun() -> file:read_line(H) end),
          T(fun() -> file:close(H) end),
          T(fun() -> file:open(F, [read, raw | bad]) end),
          T(fun() -> file:open(F, [read, raw, {read_ahead, 0}]) =/= x end),
          T(fun() -> prim_file:open(F, notalist) end),
          T(fun() -> prim_file:read_file_info(F, [{time, bogus}]) end),
          T(fun() -> prim_file:read_file_info(["a" | b]) end),
          T(fun() -> prim_file:get_cwd("c:") end), T(fun() -> prim_file:get_cwd(c) end),
          T(fun() -> prim_file:altname(F) end),
          T(fun() -> prim_file:list_dir_all(D) =/= x end),
          T(fun() -> Self = self(), spawn(fun() -> Self ! {other, T(fun() -> file:read(H, 1) end)} end),
                      receive {other, X} -> X end end)],
    Rs;
scenario(owner_exit, D) ->
    %% Raw files are closed when the process that opened them exits.
    Count = fun() -> {ok, Fds} = file:list_dir("/proc/self/fd"), length(Fds) end,
    Before = Count(),
    Self = self(),
    {Pid, Ref} = spawn_monitor(fun() ->
        Hs = [element(2, file:open(p(D, integer_to_list(N)), [write, raw])) || N <- [1, 2, 3]],
        Self ! {opened, Count() - Before},
        receive close_one -> file:close(hd(Hs)), Self ! {closed, Count() - Before} end,
        receive stop -> ok end
    end),
    Opened = receive {opened, O} -> O end,
    Pid ! close_one,
    Closed = receive {closed, C} -> C end,
    Pid ! stop,
    receive {'DOWN', Ref, process, Pid, _} -> ok end,
    [Opened, Closed, settle(Count, Before, 100)];
scenario(io_server_lines, D) ->
    F = p(D, "many.txt"),
    ok = file:write_file(F, [[integer_to_list(N), $\n] || N <- lists:seq(1, 500)]),
    {ok, H} = file:open(F, [read, read_ahead]),
    Lines = read_all(H, []),
    ok = file:close(H),
    {ok, H2} = file:open(F, [read, binary, raw, read_ahead]),
    Lines2 = read_all_raw(H2, []),
    ok = file:close(H2),
    [length(Lines), lists:last(Lines), hd(Lines), length(Lines2), lists:sum([byte_size(L) || L <- Lines2])];
scenario(consult, D) ->
    F = p(D, "terms.config"),
    ok = file:write_file(F, <<"%% comment\n{a, 1}.\n[x, \"str\", <<\"b\">>].\n#{k => v}.\n">>),
    ok = file:write_file(p(D, "bad.config"), <<"{a, 1}.\n{b,\n">>),
    ok = file:write_file(p(D, "script.erl"), <<"X = 3, X * 7.\n">>),
    [file:consult(F), file:consult(p(D, "missing")), file:consult(p(D, "bad.config")),
     file:path_consult([p(D, "nope"), D], "terms.config"),
     file:script(p(D, "script.erl")), file:eval(p(D, "script.erl")),
     file:path_script([D], "script.erl")];
scenario(copy, D) ->
    ok = file:write_file(p(D, "src"), binary:copy(<<"abc">>, 1000)),
    [file:copy(p(D, "src"), p(D, "dst")), file:read_file(p(D, "dst")) =:= file:read_file(p(D, "src")),
     file:copy(p(D, "src"), p(D, "dst2"), 10), file:read_file(p(D, "dst2")),
     file:copy(p(D, "nope"), p(D, "dst3")),
     file:copy({p(D, "src"), [read]}, {p(D, "dst4"), [write]}), filelib:file_size(p(D, "dst4"))];
scenario(filelib, D) ->
    [ok = filelib:ensure_dir(p(D, N)) || N <- ["w/a/x", "w/b/x", "w/b/c/x"]],
    [ok = file:write_file(p(D, N), <<"x">>) || N <- ["w/a/1.erl", "w/a/2.txt", "w/b/3.erl", "w/b/c/4.erl", "w/top.erl"]],
    W = p(D, "w"),
    [lists:sort(filelib:wildcard(p(W, "*.erl"))), lists:sort(filelib:wildcard("*/*.erl", W)),
     lists:sort(filelib:wildcard(p(W, "**/*.erl"))), lists:sort(filelib:wildcard(p(W, "?/[12].*"))),
     lists:sort(filelib:wildcard(p(W, "{a,b}/*"))), filelib:wildcard(p(W, "nomatch*")),
     lists:sort(filelib:fold_files(W, "\\.erl$", true, fun(F, Acc) -> [F | Acc] end, [])),
     lists:sort(filelib:fold_files(W, ".*", false, fun(F, Acc) -> [F | Acc] end, [])),
     filelib:is_dir(W), filelib:file_size(p(W, "top.erl")),
     filelib:safe_relative_path("a/../b", W)];
scenario(cwd, D) ->
    {ok, Old} = file:get_cwd(),
    ok = file:make_dir(p(D, "cw")),
    R1 = file:set_cwd(p(D, "cw")),
    {ok, New} = file:get_cwd(),
    R2 = file:write_file("rel.txt", <<"rel">>),
    R3 = file:read_file(p(D, "cw/rel.txt")),
    R4 = filelib:is_file("rel.txt"),
    R5 = file:list_dir("."),
    R6 = file:set_cwd(".."),
    {ok, Up} = file:get_cwd(),
    R7 = file:set_cwd(p(D, "nope")),
    R8 = file:set_cwd(p(D, "cw/rel.txt")),
    ok = file:set_cwd(Old),
    {ok, Back} = file:get_cwd(),
    [R1, New, R2, R3, R4, R5, R6, Up, R7, R8, Back =:= Old, file:get_cwd("c:")];
scenario(names, _D) ->
    N = fun(X) -> try prim_file:internal_name2native(X) catch C:R -> {C, R} end end,
    M = fun(X) -> try prim_file:internal_native2name(X) catch C:R -> {C, R} end end,
    [file:native_name_encoding(),
     [N(X) || X <- ["abc", <<"abc">>, abc, ["a", [$b | "c"]], [1024], <<255>>, "a\0b",
                    [$a | b], <<"a", 0>>, [<<"x">>, "y"], [16#D800], [16#10FFFF], [16#110000], [], <<>>]],
     [M(X) || X <- [<<"abc">>, <<255>>, <<208, 128>>, "abc", <<>>, <<237, 160, 128>>]],
     filename:join(["a", "b", "../c"]), filename:absname("x", "/y"), filename:basename("/a/b.erl", ".erl")];
scenario(prim_loader, D) ->
    ok = file:write_file(p(D, "pl.txt"), <<"loader">>),
    ok = file:make_dir(p(D, "pld")),
    ok = file:write_file(p(D, "pld/one"), <<>>),
    [erl_prim_loader:get_file(p(D, "pl.txt")), erl_prim_loader:get_file(p(D, "nope")),
     erl_prim_loader:list_dir(p(D, "pld")), erl_prim_loader:list_dir(p(D, "nope")),
     info(erl_prim_loader:read_file_info(p(D, "pl.txt"))),
     erl_prim_loader:read_file_info(p(D, "nope")),
     info(erl_prim_loader:read_link_info(p(D, "pl.txt"))),
     element(1, erl_prim_loader:get_cwd()) =:= ok,
     erl_prim_loader:get_cwd() =:= file:get_cwd(),
     erl_prim_loader:get_file(D)];
scenario(pread_pwrite, D) ->
    F = p(D, "pp"),
    {ok, H} = file:open(F, [read, write, binary]),
    Rs = [file:pwrite(H, 5, <<"five">>), file:pread(H, 0, 9), file:pread(H, 100, 1),
          file:pwrite(H, [{0, <<"Z">>}, {2, <<"Y">>}]), file:pread(H, [{0, 3}, {5, 2}]),
          file:position(H, cur), file:read(H, 2), file:truncate(H), file:read_file(F)],
    ok = file:close(H),
    Rs;
scenario(read_ahead, D) ->
    F = p(D, "ra"),
    ok = file:write_file(F, lists:seq($a, $z)),
    {ok, H} = file:open(F, [read, binary, {read_ahead, 8}, raw]),
    Rs = [file:read(H, 2), file:read(H, 3), file:position(H, cur), file:read(H, 10),
          file:position(H, {cur, -4}), file:read(H, 2), file:write(H, <<"x">>), file:read(H, 100),
          file:read(H, 1)],
    ok = file:close(H),
    Rs;
scenario(modes, D) ->
    F = p(D, "m"),
    ok = file:write_file(F, <<"abc">>),
    {ok, A} = file:open(F, [append, raw]),
    R1 = [file:write(A, "d"), file:position(A, cur), file:pwrite(A, 0, "Q"), file:read(A, 1)],
    ok = file:close(A),
    {ok, RW} = file:open(F, [read, write, raw]),
    R2 = [file:read(RW, 2), file:write(RW, "W"), file:position(RW, cur), file:read(RW, 10)],
    ok = file:close(RW),
    {ok, WO} = file:open(F, [write, raw]),
    R3 = [file:read(WO, 1), file:write(WO, "n")],
    ok = file:close(WO),
    {ok, RO} = file:open(F, [read, raw]),
    R4 = [file:write(RO, "x"), file:read(RO, 5), file:truncate(RO)],
    ok = file:close(RO),
    R5 = file:open(F, [exclusive, raw]),
    {ok, E} = file:open(p(D, "ex"), [exclusive, raw]),
    R6 = file:write(E, "e"),
    ok = file:close(E),
    R7 = [file:read_file(F), file:read_file(p(D, "ex"))],
    {ok, Dir} = file:open(D, [read, directory, raw]),
    R8 = file:close(Dir),
    R9 = file:open(F, [read, directory, raw]),
    [R1, R2, R3, R4, R5, R6, R7, R8, R9];
scenario(write_file_info, D) ->
    F = p(D, "wfi"),
    ok = file:write_file(F, <<"x">>),
    T = {{2020, 1, 2}, {3, 4, 5}},
    [file:write_file_info(F, #file_info{mode = 8#600}), info(file:read_file_info(F)),
     file:change_mode(F, 8#640), info(file:read_file_info(F)),
     file:change_time(F, T), element(#file_info.mtime, element(2, file:read_file_info(F))),
     file:write_file_info(F, #file_info{mtime = 1000000000}, [{time, posix}]),
     element(#file_info.mtime, element(2, file:read_file_info(F, [{time, posix}]))),
     file:change_mode(p(D, "nope"), 8#600), file:change_time(p(D, "nope"), T),
     filelib:last_modified(F) =:= element(#file_info.mtime, element(2, file:read_file_info(F)))].

%% The open-descriptor count once it is back to Before (BEAM closes the
%% files of a dead owner in another process, so not at once).
settle(Count, Before, 0) -> Count() - Before;
settle(Count, Before, N) ->
    case Count() - Before of
        0 -> 0;
        _ -> receive after 10 -> settle(Count, Before, N - 1) end
    end.

sorted({ok, L}) -> {ok, lists:sort(L)};
sorted(X) -> X.

lines(H) ->
    case file:read_line(H) of
        {ok, L} -> [L | lines(H)];
        Other -> [Other]
    end.

read_all(H, Acc) ->
    case io:get_line(H, "") of
        eof -> lists:reverse(Acc);
        L -> read_all(H, [L | Acc])
    end.

read_all_raw(H, Acc) ->
    case file:read_line(H) of
        eof -> lists:reverse(Acc);
        {ok, L} -> read_all_raw(H, [L | Acc])
    end.
