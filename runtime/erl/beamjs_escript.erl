%% `beamjs escript SCRIPT ARGS...`: OTP's escript module runs the script,
%% reading it from init's plain arguments. A script in source form is
%% compiled (as `escript -c` does; beamjs runs compiled code); an archive or
%% a .beam escript runs as it is. On BEAM escript:start/1 runs under init's
%% boot functions, whose frames end every error trace; escript's error
%% printer drops trailing frames of its own, so without a caller of ours
%% below it an uncaught error would print without its "in function
%% escript:run/2" lines.
-module(beamjs_escript).
-export([start/0]).

start() ->
    escript:start(options(init:get_plain_arguments())),
    ok.

options([File | _]) ->
    case file:read_file(File) of
        {ok, Bin} ->
            case body(Bin) of
                <<"PK", 3, 4, _/binary>> -> [];
                <<"FOR1", _/binary>> -> [];
                _ -> ["c"]
            end;
        {error, _} -> ["c"]
    end;
options(_) -> ["c"].

%% What follows the header lines (a "#!" line, then "%" lines).
body(<<"#!", _/binary>> = Bin) -> body(after_line(Bin));
body(<<"%", _/binary>> = Bin) -> body(after_line(Bin));
body(Bin) -> Bin.

after_line(Bin) ->
    case binary:match(Bin, <<"\n">>) of
        {At, 1} -> binary:part(Bin, At + 1, byte_size(Bin) - At - 1);
        nomatch -> <<>>
    end.
