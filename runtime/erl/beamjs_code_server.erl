%% The process registered as `code_server`: OTP's `code` module (unmodified)
%% sends it `{code_call, From, Request}` and waits for `{code_server, Reply}`.
%%
%% OTP's own code_server loads .beam files through erl_prim_loader and the
%% erlang:prepare_loading/finish_loading BIFs. In beamjs a module is compiled
%% JavaScript that the host imports, so this server answers from the host
%% (the beamjs:* BIFs of runtime/bifs/beamjs-host.ts): the code path, where a
%% module's .beam is, its object code, and run-time loading of .beam bytes.
%% Loading by name is a call of Mod:module_info/1, which makes the module
%% registry load the module while this process waits.
-module(beamjs_code_server).
-export([start_link/0, init/1]).

start_link() ->
    Self = self(),
    Pid = spawn_link(?MODULE, init, [Self]),
    receive {Pid, started} -> {ok, Pid} end.

init(Parent) ->
    register(code_server, self()),
    process_flag(trap_exit, true),
    Parent ! {self(), started},
    loop().

loop() ->
    receive
        {code_call, From, Request} ->
            From ! {code_server, handle(Request)},
            loop();
        {system, From, _Msg} ->
            gen:reply(From, {error, not_supported}),
            loop();
        _Other ->
            loop()
    end.

%% ---- requests (OTP 25's code.erl sends these) ----

handle(get_path) -> beamjs:code_path();
handle({add_path, Where, Dir}) -> add_paths(Where, [Dir], true);
handle({add_paths, Where, Dirs}) -> add_paths(Where, Dirs, ok);
handle({set_path, Dirs}) ->
    case beamjs:set_code_path([normalize(D) || D <- Dirs]) of
        ok -> true;
        Error -> Error
    end;
handle({del_path, Name}) ->
    Path = beamjs:code_path(),
    case [D || D <- Path, not matches_path(Name, D)] of
        Path -> false;
        New -> ok = beamjs:set_code_path(New), true
    end;
handle({replace_path, Name, Dir}) ->
    Path = beamjs:code_path(),
    App = to_list(Name),
    New = [case app_of(D) of App -> normalize(Dir); _ -> D end || D <- Path],
    case beamjs:set_code_path(New) of
        ok -> true;
        _ -> {error, bad_directory}
    end;
handle({ensure_loaded, Mod}) -> load(Mod);
handle({load_file, Mod}) ->
    %% A fresh copy from the path, replacing a loaded one (unless sticky).
    case erlang:module_loaded(Mod) andalso is_sticky(Mod) of
        true -> {error, sticky_directory};
        false ->
            _ = erlang:module_loaded(Mod) andalso erlang:delete_module(Mod),
            erase({loaded_file, Mod}),
            load(Mod)
    end;
handle({is_loaded, Mod}) -> is_loaded(Mod);
handle(all_loaded) ->
    [{M, loaded_file(M)} || M <- erlang:loaded()];
handle({get_object_code, Mod}) ->
    case beamjs:object_code(Mod) of
        {Bin, File} -> {Mod, Bin, File};
        error -> error
    end;
handle({load_binary, Mod, File, Bin}) ->
    loaded_from(Mod, File, beamjs:load_binary(Mod, File, Bin));
handle({load_abs, File, Mod}) ->
    Name = to_list(File) ++ ".beam",
    case prim_file:read_file(Name) of
        {ok, Bin} -> loaded_from(Mod, Name, beamjs:load_binary(Mod, Name, Bin));
        _ -> {error, nofile}
    end;
handle({delete, Mod}) ->
    %% No old code is kept: a deleted module loads again on its next call.
    case is_sticky(Mod) of
        true -> false;
        false ->
            case erlang:delete_module(Mod) of
                true -> erase({loaded_file, Mod}), true;
                _ -> false
            end
    end;
handle({purge, _Mod}) -> false;
handle({soft_purge, _Mod}) -> true;
handle({is_sticky, Mod}) -> is_sticky(Mod);
handle({stick_dir, _Dir}) -> ok;
handle({unstick_dir, _Dir}) -> ok;
handle({stick_mod, _Mod}) -> true;
handle({unstick_mod, _Mod}) -> true;
handle(get_mode) -> interactive;
handle({dir, Dir}) -> dir(Dir);
handle({finish_loading, Prepared, _EnsureLoaded}) ->
    Errors = [{M, E} || {M, _} <- Prepared, {error, E} <- [load(M)]],
    case Errors of
        [] -> ok;
        _ -> {error, Errors}
    end;
handle({set_primary_archive, File, Bin, FileInfo, ParserFun}) ->
    %% An archive escript: erl_prim_loader serves files inside it; the host
    %% reads its modules once code:set_primary_archive/4 puts its ebin
    %% folders on the path (as Archive/App/ebin).
    case erl_prim_loader:set_primary_archive(File, Bin, FileInfo, ParserFun) of
        {ok, Files} -> {ok, interactive, Files};
        {error, _} = Error -> Error
    end;
handle(stop) -> stopped;
handle(_Other) -> error.

%% Load Mod by name (the registry finds and compiles its .beam).
load(Mod) when is_atom(Mod) ->
    try Mod:module_info(module) of
        Mod -> {module, Mod}
    catch
        error:undef -> {error, nofile}
    end.

is_loaded(Mod) ->
    case erlang:module_loaded(Mod) of
        true -> {file, loaded_file(Mod)};
        false -> false
    end.

%% Remember the file name a module was loaded from with load_binary (any
%% term: cover loads its instrumented modules as `cover_compiled` and asks
%% code:which/1 for that name to know they are still its own).
loaded_from(Mod, File, {module, Mod} = Loaded) ->
    put({loaded_file, Mod}, File),
    Loaded;
loaded_from(_Mod, _File, Error) ->
    Error.

%% What code:is_loaded/1 reports: the file given to load_binary, the .beam
%% path, or `preloaded` for the modules erts preloads (and for beamjs's own
%% BIF module).
loaded_file(Mod) ->
    case get({loaded_file, Mod}) of
        undefined -> loaded_path(Mod);
        File -> File
    end.

loaded_path(Mod) ->
    case lists:member(Mod, erlang:pre_loaded()) of
        true -> preloaded;
        false ->
            case beamjs:which(Mod) of
                non_existing -> preloaded;
                File -> File
            end
    end.

is_sticky(Mod) ->
    case beamjs:which(Mod) of
        non_existing -> false;
        File ->
            Lib = filename:join(beamjs:root_dir(), "lib"),
            lists:prefix(Lib ++ "/", File) andalso
                lists:member(app_of(filename:dirname(File)), ["kernel", "stdlib", "compiler"])
    end.

add_paths(Where, Dirs, Ok) ->
    Path = beamjs:code_path(),
    New = [normalize(D) || D <- Dirs],
    Next = case Where of
               first -> New ++ (Path -- New);
               last -> Path ++ [D || D <- New, not lists:member(D, Path)]
           end,
    case beamjs:set_code_path(Next) of
        ok -> Ok;
        Error -> Error
    end.

dir(root_dir) -> beamjs:root_dir();
dir(lib_dir) -> filename:join(beamjs:root_dir(), "lib");
dir(compiler_dir) -> lib_dir(compiler);
dir({lib_dir, App}) -> lib_dir(App);
dir({lib_dir, App, Sub}) ->
    case lib_dir(App) of
        {error, _} = E -> E;
        Dir -> filename:join(Dir, atom_to_list(Sub))
    end;
dir({priv_dir, App}) ->
    case lib_dir(App) of
        {error, _} = E -> E;
        Dir -> filename:join(Dir, "priv")
    end;
dir(_) -> {error, bad_name}.

%% The folder of application App: the parent of its ebin on the code path.
lib_dir(App0) ->
    App = to_list(App0),
    Found = [filename:dirname(D) || D <- beamjs:code_path(),
                                    filename:basename(D) =:= "ebin",
                                    app_of(D) =:= App],
    case Found of
        [Dir | _] -> Dir;
        [] -> {error, bad_name}
    end.

%% "/x/lib/stdlib-4.2/ebin" -> "stdlib".
app_of(EbinDir) ->
    Base = case filename:basename(EbinDir) of
               "ebin" -> filename:basename(filename:dirname(EbinDir));
               B -> B
           end,
    case string:split(Base, "-", trailing) of
        [Name, _Vsn] -> Name;
        _ -> Base
    end.

matches_path(Name, Dir) when is_atom(Name) -> app_of(Dir) =:= atom_to_list(Name);
matches_path(Name, Dir) -> normalize(Name) =:= Dir.

normalize(D) -> filename:join([to_list(D)]).

to_list(A) when is_atom(A) -> atom_to_list(A);
to_list(B) when is_binary(B) -> unicode:characters_to_list(B);
to_list(L) when is_list(L) -> lists:flatten(L).
