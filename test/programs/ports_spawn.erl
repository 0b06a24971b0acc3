%% Ports running programs: {spawn, Cmd} (through sh, with exec), {spawn_executable, File} with
%% args/env/cd, stream, {line, L}, {packet, N}, binary, exit_status, eof, in/out-only, stderr_to_stdout.
-module(ports_spawn).
-export([main/0]).

%% Everything the port sends until it closes (the 'EXIT' from its link), ports as 'P'.
collect(P) ->
    receive
        {P, {data, D}} -> [{data, D} | collect(P)];
        {P, {exit_status, S}} -> [{exit_status, S} | collect(P)];
        {P, eof} -> [eof | collect(P)];
        {'EXIT', P, R} -> [{exit, R}]
    after 5000 -> [timeout]
    end.

%% Stream data may arrive in any number of chunks: join them.
joined(P) -> joined(P, []).
joined(P, Acc) ->
    receive
        {P, {data, D}} -> joined(P, [Acc, D]);
        {P, {exit_status, S}} -> {iolist_to_binary(Acc), S}
    after 5000 -> timeout
    end.

run(Name, Opts) -> P = open_port(Name, Opts), collect(P).

main() ->
    process_flag(trap_exit, true),
    Stream = [run({spawn, "echo hello"}, []),
              run({spawn, "echo hello; echo never"}, [binary]),
              run({spawn, <<"printf abc">>}, [binary, stream]),
              run({spawn, "exit 3"}, [exit_status]),
              run({spawn, "sh -c 'kill -9 $$'"}, [exit_status]),
              run({spawn, "echo out; echo err >&2"}, [stderr_to_stdout, exit_status]),
              run({spawn, "true"}, [in])],
    Lines = [run({spawn, "printf 'a\\nbb\\nccc'"}, [{line, 2}, binary]),
             run({spawn, "printf 'ab\\r\\ncd\\n\\nlongerline12345\\nx'"}, [{line, 4}]),
             run({spawn, "printf 'one\\ntwo\\n'"}, [{line, 100}, exit_status])],
    Exec = [run({spawn_executable, "/bin/echo"}, [{args, ["a b", "c", <<"d">>]}, exit_status]),
            run({spawn_executable, "/bin/sh"}, [{args, ["-c", "echo $BEAMJS_PORT_V-$HOME-; exit 2"]},
                                                 {env, [{"BEAMJS_PORT_V", "set"}, {"HOME", false}]}, exit_status]),
            run({spawn_executable, "/bin/sh"}, [{args, ["-c", "pwd"]}, {cd, "/tmp"}, binary]),
            run({spawn_executable, "/bin/sh"}, [{args, ["-c", "echo $0"]}, {arg0, "renamed"}]),
            run({spawn_executable, "/bin/sh"}, [{args, ["-c", "echo e >&2"]}, stderr_to_stdout])],
    %% Input: commands written to cat come back.
    P1 = open_port({spawn, "cat"}, [binary]),
    true = port_command(P1, "abc"),
    true = port_command(P1, [<<"de">>, $f | <<"g">>]),
    P1 ! {self(), {command, <<"!">>}},
    Echo = collect_n(P1, 8, <<>>),
    true = port_close(P1),
    Closed1 = receive {'EXIT', P1, R1} -> R1 after 5000 -> timeout end,
    %% Packets: 2-byte length headers both ways.
    P2 = open_port({spawn, "cat"}, [{packet, 2}, binary]),
    port_command(P2, "first"), port_command(P2, <<>>), port_command(P2, lists:duplicate(300, $x)),
    Packets = [receive {P2, {data, D}} -> byte_size(D) after 5000 -> timeout end || _ <- [1, 2, 3]],
    P2 ! {self(), close},
    Closed2 = [receive {'EXIT', P2, R2} -> R2 after 5000 -> timeout end,
               receive {P2, closed} -> closed after 5000 -> timeout end],
    %% eof: the port stays open after the program's output ends.
    P3 = open_port({spawn, "echo x"}, [eof]),
    Eof = [receive {P3, {data, D3}} -> D3 after 5000 -> timeout end,
           receive {P3, eof} -> eof after 5000 -> timeout end,
           erlang:port_info(P3, connected) =:= {connected, self()}],
    port_close(P3),
    receive {'EXIT', P3, normal} -> ok end,
    %% A big output, in whatever chunks.
    P4 = open_port({spawn, "seq 1 20000"}, [exit_status, binary]),
    {Big, 0} = joined(P4),
    receive {'EXIT', P4, normal} -> ok end,
    %% Writing to an input-only port ends it with ebadf.
    P5 = open_port({spawn, "sleep 5"}, [in]),
    Ebadf = {port_command(P5, "x"), receive {'EXIT', P5, R5} -> R5 after 5000 -> timeout end},
    {Stream, Lines, Exec, Echo, Closed1, Packets, Closed2, Eof, {byte_size(Big), binary:last(Big)}, Ebadf}.

collect_n(_P, 0, Acc) -> Acc;
collect_n(P, N, Acc) ->
    receive {P, {data, D}} -> collect_n(P, N - byte_size(D), <<Acc/binary, D/binary>>)
    after 5000 -> {timeout, Acc}
    end.
