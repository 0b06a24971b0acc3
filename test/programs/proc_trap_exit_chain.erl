%% A chain where the middle process traps exits: the crash below it is converted into a
%% message, so it survives and the processes above it are unaffected until it decides.
-module(proc_trap_exit_chain).
-export([main/0]).

main() ->
    Self = self(),
    Top = spawn(fun() ->
                        Mid = spawn_link(fun() -> middle(Self) end),
                        Self ! {mid, Mid},
                        receive never -> ok end
                end),
    Mid = receive {mid, M} -> M end,
    Bottom = receive {bottom, B} -> B end,
    Refs = [{Name, monitor(process, P)} || {Name, P} <- [{top, Top}, {mid, Mid}, {bottom, Bottom}]],
    Bottom ! crash,
    Trapped = receive {trapped, Why} -> Why end,
    Alive1 = [{top, is_process_alive(Top)}, {mid, is_process_alive(Mid)}],
    Mid ! {give_up, Trapped},
    Downs = [{Name, receive {'DOWN', R, process, _, W} -> strip(W) end} || {Name, R} <- Refs],
    {Trapped, Alive1, Downs}.

middle(Parent) ->
    process_flag(trap_exit, true),
    B = spawn_link(fun() -> receive crash -> error(bottom_crashed) end end),
    Parent ! {bottom, B},
    receive {'EXIT', B, Why} -> Parent ! {trapped, strip(Why)} end,
    receive {give_up, W} -> exit({middle_gave_up, W}) end.

strip({Reason, [{_, _, _, _} | _]}) -> {Reason, stack};
strip(Reason) -> Reason.
