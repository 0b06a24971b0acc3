%% process_info(P, current_stacktrace): of the caller itself (its callers
%% included, a tail call leaving no frame) and of a process waiting in a
%% receive some calls deep. Only this module's entries are kept: the
%% frames below main/0 differ between the reference server and beamjs.
-module(current_stacktrace).
-export([main/0]).

own(Trace) -> [E || {M, _, _, _} = E <- Trace, M =:= ?MODULE].

depth(0) -> {current_stacktrace, T} = process_info(self(), current_stacktrace), own(T);
depth(N) -> R = depth(N - 1), [N | R].

tail(0) -> process_info(self(), current_stacktrace);
tail(N) -> tail(N - 1).

waiter(0) -> receive stop -> ok end;
waiter(N) -> ok = waiter(N - 1), N.

main() ->
    A = depth(3),
    {current_stacktrace, T} = tail(5),
    B = own(T),
    C = case process_info(self(), [message_queue_len, current_stacktrace]) of
            [{message_queue_len, L}, {current_stacktrace, T2}] -> {L, own(T2)}
        end,
    Pid = spawn(fun() -> waiter(2) end),
    timer:sleep(20),
    {current_stacktrace, T3} = process_info(Pid, current_stacktrace),
    D = own(T3),
    Pid ! stop,
    {A, B, C, D}.
