%% register/whereis/unregister, sending to a registered name, and the name being freed
%% when the process dies.
-module(proc_registered).
-export([main/0]).

main() ->
    Self = self(),
    Pid = spawn(fun() -> echo() end),
    A = register(corpus_echo, Pid),
    B = whereis(corpus_echo) =:= Pid,
    corpus_echo ! {Self, hello},
    C = receive {echo, M} -> M end,
    D = lists:member(corpus_echo, registered()),
    E = unregister(corpus_echo),
    F = whereis(corpus_echo),
    G = register(corpus_echo, Pid),
    Ref = monitor(process, Pid),
    corpus_echo ! stop,
    receive {'DOWN', Ref, process, Pid, normal} -> ok end,
    H = whereis(corpus_echo),
    I = register(corpus_self, self()),
    J = process_info(self(), registered_name),
    unregister(corpus_self),
    K = process_info(self(), registered_name),
    {A, B, C, D, E, F, G, H, I, J, K}.

echo() ->
    receive
        {From, Msg} -> From ! {echo, Msg}, echo();
        stop -> ok
    end.
