%% Ports and process signals: links and trap_exit, monitor(port, P), exit/2 to a port (kill,
%% normal from the owner and from others, other reasons), badsig, the owner's death,
%% {connect, Pid} and port_connect/2, unlink, port_info/1,2, erlang:ports/0, badarg cases.
-module(ports_signals).
-export([main/0]).

%% Errors without their stack entries' arguments (port numbers differ from erl's).
c(F) -> try F() catch C:R:S -> {M, Fn, _, _} = hd(S), {C, R, M, Fn} end.

exit_of(P) -> receive {'EXIT', P, R} -> R after 5000 -> timeout end.

%% A process opens a port, this one links to it too, then the owner exits with
%% Reason: the reason this process sees the port close with.
owner_exits(Reason) ->
    Parent = self(),
    Owner = spawn(fun() ->
                          P = open_port({spawn, "sleep 5"}, []),
                          Parent ! {port, P},
                          receive go -> exit(Reason) end
                  end),
    P = receive {port, Px} -> Px end,
    link(P),
    Owner ! go,
    exit_of(P).

main() ->
    process_flag(trap_exit, true),
    %% monitor: DOWN after the EXIT.
    P1 = open_port({spawn, "cat"}, []),
    M1 = monitor(port, P1),
    true = port_close(P1),
    Mon = [exit_of(P1), receive {'DOWN', M1, port, P1, R} -> R after 5000 -> timeout end],
    M2 = monitor(port, P1),
    Mon2 = receive {'DOWN', M2, port, Dead, R2} when Dead =:= P1 -> {M2 =/= M1, R2} after 5000 -> timeout end,
    P1b = open_port({spawn, "cat"}, []),
    M1b = monitor(port, P1b),
    Demon = [demonitor(M1b, [info]), port_close(P1b), exit_of(P1b),
             receive {'DOWN', M1b, _, _, _} -> down after 100 -> none end],
    %% exit/2 to a port.
    P2 = open_port({spawn, "sleep 5"}, []), exit(P2, kill),
    P3 = open_port({spawn, "sleep 5"}, []), exit(P3, normal),
    P4 = open_port({spawn, "sleep 5"}, []), exit(P4, because),
    Exits = [exit_of(P2), exit_of(P3), exit_of(P4)],
    Self = self(),
    P5 = open_port({spawn, "sleep 5"}, []),
    spawn(fun() -> exit(P5, normal), Self ! done end),
    receive done -> ok end,
    Other = [exit_of(P5), erlang:port_info(P5, connected)],
    %% Through a link, normal from a process that is not the owner leaves the port open.
    P5b = open_port({spawn, "sleep 5"}, []),
    Linker = spawn(fun() -> link(P5b), receive go -> ok end end),
    Linker ! go,
    LRef = monitor(process, Linker),
    receive {'DOWN', LRef, _, _, _} -> ok end,
    Other2 = [erlang:port_info(P5b, connected) =:= {connected, self()}],
    port_close(P5b), exit_of(P5b),
    %% badsig: a message not from the owner, or not a port command.
    P6 = open_port({spawn, "sleep 5"}, []), P6 ! hello,
    P7 = open_port({spawn, "sleep 5"}, []), P7 ! {spawn(fun() -> ok end), close},
    P8 = open_port({spawn, "sleep 5"}, []), P8 ! {self(), {command, bad}},
    Badsig = [exit_of(P6), exit_of(P7), exit_of(P8)],
    %% The owner's death closes the port, whatever its reason; the port's exit reaches other links.
    Parent = self(),
    OwnerDeath = owner_exits(normal),
    OwnerCrash = owner_exits(crashed),
    %% A non-trapping owner dies with the port's reason.
    Victim = spawn(fun() -> P = open_port({spawn, "sleep 5"}, []), Parent ! {port, P}, receive after infinity -> ok end end),
    VRef = monitor(process, Victim),
    P11 = receive {port, Pz} -> Pz end,
    exit(P11, boom),
    Victim1 = receive {'DOWN', VRef, process, Victim, VR} -> VR after 5000 -> timeout end,
    %% connect: {connect, Pid} answers the old owner; port_connect/2 links the new one.
    P12 = open_port({spawn, "cat"}, [binary]),
    Reader = spawn(fun() -> receive {P, {data, D}} when is_port(P) -> Parent ! {read, D} end end),
    P12 ! {self(), {connect, Reader}},
    Conn = [receive {P12, connected} -> connected after 5000 -> timeout end,
            erlang:port_info(P12, connected) =:= {connected, Reader},
            port_command(P12, "to reader"),
            receive {read, D} -> D after 5000 -> timeout end],
    port_close(P12), exit_of(P12),
    P13 = open_port({spawn, "sleep 5"}, []),
    Helper = spawn(fun() -> receive stop -> ok end end),
    true = erlang:port_connect(P13, Helper),
    {links, Ls} = erlang:port_info(P13, links),
    Links = [lists:sort(Ls) =:= lists:sort([self(), Helper]), unlink(P13),
             element(2, erlang:port_info(P13, links)) =:= [Helper]],
    Helper ! stop,
    Unlinked = receive {'EXIT', P13, _} -> got_exit after 300 -> no_exit end,
    %% port_info.
    P14 = open_port({spawn, "cat"}, []),
    port_command(P14, "12345"),
    receive {P14, {data, _}} -> ok end,
    Info = erlang:port_info(P14),
    Keys = [K || {K, _} <- Info],
    Items = [erlang:port_info(P14, name), erlang:port_info(P14, input), erlang:port_info(P14, output),
             erlang:port_info(P14, id) =:= lists:keyfind(id, 1, Info),
             is_integer(element(2, erlang:port_info(P14, os_pid))),
             lists:member(P14, erlang:ports()), is_port(P14), is_port(self())],
    port_close(P14), exit_of(P14),
    AfterClose = [erlang:port_info(P14), erlang:port_info(P14, name), lists:member(P14, erlang:ports()),
                  c(fun() -> port_close(P14) end), c(fun() -> port_command(P14, "x") end),
                  c(fun() -> erlang:port_info(P14, bogus) end), c(fun() -> erlang:port_info(42, name) end),
                  c(fun() -> port_command(42, "x") end), P14 ! ignored],
    Errors = [c(fun() -> open_port({spawn, "cat"}, [bogus]) end),
              c(fun() -> open_port({spawn, "cat"}, [{packet, 3}]) end),
              c(fun() -> open_port({spawn_executable, "/nonexistent/program"}, []) end),
              c(fun() -> open_port({spawn, "cat"}, not_a_list) end),
              c(fun() -> open_port(<<"cat">>, []) end),
              c(fun() -> link(P14) end)],
    LinkDead = receive {'EXIT', P14, noproc} -> noproc after 1000 -> none end,
    {Mon, Mon2, Demon, Exits, Other, Other2, Badsig, OwnerDeath, OwnerCrash, Victim1, Conn, Links, Unlinked,
     Keys, Items, AfterClose, Errors, LinkDead}.
