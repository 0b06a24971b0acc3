%% process_flag(trap_exit): its return value, and exit signals turned into messages.
-module(proc_trap_exit).
-export([main/0]).

main() ->
    Self = self(),
    Old = process_flag(trap_exit, true),
    Again = process_flag(trap_exit, true),
    Peer = spawn_link(fun() -> receive {go, R} -> exit(R) end end),
    Peer ! {go, my_reason},
    M1 = receive {'EXIT', Peer, R1} -> R1 end,
    %% exit/2 with reason normal, sent to a trapping process, arrives as a message.
    Sender = spawn(fun() -> exit(Self, normal), Self ! {sent, self()} end),
    M2 = receive {'EXIT', Sender, R2} -> {from_sender, R2} end,
    M3 = receive {sent, Sender} -> sent_after end,
    exit(self(), some_signal),
    M4 = receive {'EXIT', Self, R4} -> {from_self, R4} end,
    Off = process_flag(trap_exit, false),
    {Old, Again, M1, M2, M3, M4, Off}.
