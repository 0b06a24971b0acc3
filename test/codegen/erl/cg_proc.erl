%% Differential fixture: processes, receive, suspension and resumption.
-module(cg_proc).
-export([t_echo/0, t_selective/0, t_after0/0, t_after/0, t_order/0, t_deep_suspend/0,
         t_catch_across_suspend/0, t_try_across_receive/0, t_ring/0, t_many/0, t_yield/0,
         t_mutual_tail/0, t_fun_across_suspend/0, t_link_exit/0, t_monitor/0, t_dict/0,
         t_timeout_order/0, t_receive_in_loop/0, t_exit_trap/0, t_spawn_mfa/0,
         t_receive_bad_timeout/0, worker/1]).

id(X) -> X.

t_echo() -> P = spawn(fun() -> receive {From, M} -> From ! {self(), M} end end),
  P ! {self(), hi}, receive {P, R} -> R after 1000 -> timeout end.
t_selective() -> self() ! a, self() ! b, self() ! c,
  R1 = receive c -> c end, R2 = receive b -> b end, R3 = receive X -> X end, [R1, R2, R3].
t_after0() -> self() ! x, [receive y -> y after 0 -> none end, receive x -> x after 0 -> none end].
t_after() -> receive never -> never after 20 -> timed_out end.
t_order() -> Me = self(), [spawn(fun() -> [Me ! {I, N} || N <- lists:seq(1, 5)] end) || I <- [1, 2]],
  collect(10, []).
collect(0, Acc) -> lists:sort(Acc);
collect(N, Acc) -> receive M -> collect(N - 1, [M | Acc]) end.
%% Body recursion far deeper than one reduction budget: the native stack is
%% unwound into heap frames and resumed many times.
t_deep_suspend() -> length(build(300000)) + sum(build(300000)).
build(0) -> []; build(N) -> [N | build(N - 1)].
sum([]) -> 0; sum([H | T]) -> H + sum(T).
%% An exception raised after resumptions must reach a handler in an outer,
%% suspended-and-resumed frame.
t_catch_across_suspend() -> try boom(50000) catch throw:{deep, N} -> {caught, N} end.
boom(0) -> throw({deep, 0}); boom(N) -> 1 + boom(N - 1).
t_try_across_receive() -> self() ! go,
  try receive go -> error(after_receive) end catch error:E -> {caught, E} end.
t_ring() -> N = 50, First = ring(N, self()), First ! {token, 0}, receive {token, C} -> C end.
ring(0, Next) -> Next;
ring(N, Next) -> ring(N - 1, spawn(fun() -> relay(Next) end)).
relay(Next) -> receive {token, C} -> Next ! {token, C + 1} end.
t_many() -> Me = self(), Ps = [spawn(fun() -> Me ! {done, I * I} end) || I <- lists:seq(1, 200)],
  length(Ps) =:= 200, lists:sum([receive {done, V} -> V end || _ <- Ps]).
t_yield() -> erlang:yield(), ok.
t_mutual_tail() -> ping(2000000).
ping(0) -> done; ping(N) -> pong(N - 1).
pong(0) -> done; pong(N) -> ping(N - 1).
t_fun_across_suspend() -> F = fun(X) -> length(build(X)) end, lists:map(F, [10, 100000, 5]).
t_link_exit() -> process_flag(trap_exit, true), P = spawn_link(fun() -> exit(bye) end),
  receive {'EXIT', P, R} -> R after 1000 -> none end.
t_monitor() -> {P, Ref} = spawn_monitor(fun() -> error(oops) end),
  receive {'DOWN', Ref, process, P, {R, _}} -> R after 1000 -> none end.
t_dict() -> put(a, 1), put(b, 2), X = get(a), erase(a), [X, get(a), get(b)].
t_timeout_order() -> Me = self(), spawn(fun() -> receive after 30 -> Me ! late end end),
  spawn(fun() -> receive after 10 -> Me ! early end end), [receive M -> M end, receive M2 -> M2 end].
t_receive_in_loop() -> P = spawn(?MODULE, worker, [0]), [P ! {add, I} || I <- lists:seq(1, 10)],
  P ! {get, self()}, receive {total, T} -> T end.
worker(S) -> receive {add, N} -> worker(S + N); {get, From} -> From ! {total, S} end.
t_exit_trap() -> process_flag(trap_exit, true), P = spawn_link(fun() -> receive _ -> ok end end),
  exit(P, kill), receive {'EXIT', P, R} -> R end.
t_spawn_mfa() -> P = spawn(?MODULE, worker, [5]), P ! {get, self()}, receive {total, T} -> T end.
t_receive_bad_timeout() -> try receive x -> x after id(-1) -> y end catch error:E -> E end.
