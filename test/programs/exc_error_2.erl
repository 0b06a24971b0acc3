%% erlang:error/2 and error/3 (with error_info), exit/1 with structured reasons, nocatch.
-module(exc_error_2).
-export([main/0]).

main() ->
    E2 = try erlang:error(my_reason, [a, b]) catch error:R:St -> {R, is_list(St)} end,
    E3 = try erlang:error(other, none, [{error_info, #{module => x}}]) catch error:R3 -> R3 end,
    Ex = try exit({shutdown, {nested, [1]}}) catch exit:X -> X end,
    %% An uncaught throw in a process becomes {nocatch, Value} in the exit reason.
    {Pid, Ref} = spawn_monitor(fun() -> throw(lost) end),
    Down = receive {'DOWN', Ref, process, Pid, {Reason, Stack}} when is_list(Stack) -> Reason end,
    {E2, E3, Ex, Down}.
