%% process_info/2 items with deterministic values, and process_flag return values.
-module(misc_process_info).
-export([main/0]).

main() ->
    Self = self(),
    Self ! a, Self ! b,
    put(k, v),
    Items = process_info(Self, [message_queue_len, trap_exit, dictionary, status]),
    Msgs = process_info(Self, messages),
    Old = process_flag(priority, high),
    Back = process_flag(priority, Old),
    {Dead, Ref} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', Ref, process, Dead, _} -> ok end,
    {Items, Msgs, Old, Back, process_info(Dead, status), process_info(Self, registered_name),
     [receive M -> M end || _ <- [1, 2]]}.
