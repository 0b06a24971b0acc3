%% "prefix" ++ Var patterns on strings and the binary equivalent.
-module(pat_string_prefix).
-export([main/0]).

main() ->
    Cmds = ["get /index", "put /x 1", "delete", "get", "g", "", "help me"],
    [{C, cmd(C), bcmd(list_to_binary(C))} || C <- Cmds].

cmd("get " ++ Path) -> {get, Path};
cmd("put " ++ Rest) -> {put, string:split(Rest, " ")};
cmd("delete") -> delete;
cmd([$g | T]) -> {g_prefix, T};
cmd([]) -> empty;
cmd(Other) -> {unknown, length(Other)}.

bcmd(<<"get ", Path/binary>>) -> {get, Path};
bcmd(<<"put ", Rest/binary>>) -> {put, Rest};
bcmd(<<"delete">>) -> delete;
bcmd(<<$g, T/binary>>) -> {g_prefix, T};
bcmd(<<>>) -> empty;
bcmd(Other) -> {unknown, byte_size(Other)}.
