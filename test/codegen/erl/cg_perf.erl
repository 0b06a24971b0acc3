%% Programs for the code paths made fast for the benchmarks (perf.test.ts):
%% int32 fast paths of + and -, local calls without the TAIL check, the send
%% instruction, receive scans that skip messages, stack traces of resumed frames.
-module(cg_perf).
-export([t_arith_edges/0, t_guard_arith/0, t_tail_callers/0, t_send_dests/0,
         t_selective_scan/0, t_trace_after_resume/0, t_badarith_trace/0, t_receive_shapes/0,
         t_resume_tail_trace/0]).
-export([ext_tail/1, relay/1]).

edges() ->
    [0, 1, -1, 2147483646, 2147483647, 2147483648, -2147483647, -2147483648, -2147483649,
     4294967295, 4294967296, 9007199254740990, 9007199254740991, 9007199254740992,
     -9007199254740991, -9007199254740992, 1 bsl 64, -(1 bsl 64), 1.5, -0.5].

add1(X) -> X + 1.
sub1(X) -> X - 1.
sub2(X) -> X - 2.
add_big(X) -> X + 1073741823.
sub_big(X) -> X - 1073741823.
lit_left(X) -> 5 + X.
lit_minus(X) -> 5 - X.
addxy(X, Y) -> X + Y.
subxy(X, Y) -> X - Y.

t_arith_edges() ->
    Es = edges(),
    [[F(X) || X <- Es] || F <- [fun add1/1, fun sub1/1, fun sub2/1, fun add_big/1, fun sub_big/1,
                                 fun lit_left/1, fun lit_minus/1]]
    ++ [[{addxy(X, Y), subxy(X, Y)} || X <- Es, Y <- Es]].

g(X) when X + 1 > 2147483647 -> above;
g(X) when X - 1 < -2147483648 -> below;
g(X) when is_integer(X) -> inside;
g(_) -> other.

g2(X, Y) when X + Y > 2147483647 -> above;
g2(X, Y) when X - Y < -2147483648 -> below;
g2(_, _) -> inside.

t_guard_arith() ->
    Es = edges() ++ [foo, <<>>],
    {[g(X) || X <- Es], [g2(X, Y) || X <- Es, Y <- Es]}.

%% Callers of functions that do and do not return through the trampoline.
leaf(X) -> X * 2.
tail_local(X) -> leaf(X + 1).
tail_ext(X) -> lists:reverse([X, 1]).
tail_via(X) -> tail_ext(X + 1).
tail_apply(M, X) -> M:ext_tail(X).
tail_fun(F, X) -> F(X).
tail_known(X) -> F = fun(Y) -> {Y, X} end, F(X).
ext_tail(X) -> {ext, X}.
even(0) -> true;
even(N) -> odd(N - 1).
odd(0) -> false;
odd(N) -> even(N - 1).

t_tail_callers() ->
    A = leaf(3) + 1,
    B = tail_local(3) + 1,
    C = [0 | tail_ext(7)],
    D = {tail_apply(?MODULE, 5)},
    E = {tail_fun(fun(Y) -> Y + 100 end, 1)},
    F = {tail_known(9)},
    G = {even(1000001), odd(1000001)},
    H = [0 | tail_via(7)],
    {A, B, C, D, E, F, G, H}.

relay(To) -> receive M -> To ! {relayed, M}, relay(To) end.

t_send_dests() ->
    Self = self(),
    P = spawn(?MODULE, relay, [Self]),
    P ! a,
    Self ! b,
    register(cg_perf_me, Self),
    cg_perf_me ! c,
    {cg_perf_me, node()} ! d,
    R1 = receive {relayed, a} -> ok end,
    R2 = [receive X -> X end || _ <- [1, 2, 3]],
    unregister(cg_perf_me),
    R3 = try nobody_here ! e catch error:Why -> Why end,
    R4 = try 42 ! f catch error:Why2 -> Why2 end,
    exit(P, kill),
    {R1, R2, R3, R4}.

t_selective_scan() ->
    Self = self(),
    [Self ! {noise, I} || I <- lists:seq(1, 50)],
    Got = [begin Self ! {wanted, I}, receive {wanted, I} -> I end end || I <- lists:seq(1, 20)],
    Left = [receive {noise, I} -> I end || _ <- lists:seq(1, 50)],
    Empty = receive Any -> Any after 0 -> empty end,
    {lists:sum(Got), Left, Empty}.

%% A frame that suspended (receive) and then fails without a call in between.
waits_then_fails(Dest) ->
    receive go -> ok end,
    Dest ! hello.

t_trace_after_resume() ->
    Self = self(),
    Self ! go,
    try waits_then_fails(not_registered_name), ok
    catch error:R:St -> {R, [{F, A} || {?MODULE, F, A, _} <- St]}
    end.

add_float(X) -> X - 2.5.
add_bignum(X) -> X + 1267650600228229401496703205376.
add_not_small(X) -> X + 576460752303423488.
subxx(X) -> X - X.
mulk(X) -> X * 2.

%% BEAM leaves out the erlang:'+' entry for `X + K` and `X - K` (K small or float).
t_badarith_trace() ->
    Fs = [fun add1/1, fun sub1/1, fun lit_left/1, fun lit_minus/1, fun add_float/1, fun add_bignum/1,
          fun add_not_small/1, fun subxx/1, fun mulk/1],
    [try F(foo) catch error:R:St -> {R, [{M, Fn, A} || {M, Fn, A, _} <- lists:sublist(St, 2)]} end || F <- Fs].

%% Receive loops in structured code: skips, after, nested receives, a receive
%% in a self-recursive loop, clause bodies that continue after the receive,
%% ref-tagged replies (receive markers), a wait that resumes mid-scan.
collect(0, Acc) -> lists:reverse(Acc);
collect(N, Acc) ->
    receive
        {item, X} when X rem 2 =:= 0 -> collect(N - 1, [X | Acc]);
        {item, X} when X > 100 -> collect(N - 1, [{big, X} | Acc])
    after 20 -> lists:reverse([timeout | Acc])
    end.

two_phase() ->
    R1 = receive {phase, 1, A} -> A end,
    R2 = receive
             {phase, 2, B} when B > R1 -> {up, B};
             {phase, 2, B} -> {down, B}
         end,
    {R1, R2}.

t_receive_shapes() ->
    Self = self(),
    [Self ! {item, I} || I <- [1, 3, 2, 5, 4, 7, 101, 6]],
    C1 = collect(5, []),
    Rest1 = flush_all([]),
    Self ! {phase, 2, 1}, Self ! noise, Self ! {phase, 1, 5},
    P = two_phase(),
    Ref = make_ref(),
    Self ! {other, x},
    Self ! {Ref, reply},
    R = receive {Ref, V} -> V end,
    Late = spawn(fun() -> receive after 5 -> Self ! {late, 1} end end),
    Self ! {early, 0},
    L = receive {late, N} -> N end,
    _ = Late,
    Rest2 = flush_all([]),
    T = receive nothing -> got after 0 -> none end,
    {C1, Rest1, P, R, L, Rest2, T}.

flush_all(Acc) -> receive M -> flush_all([M | Acc]) after 0 -> lists:reverse(Acc) end.

%% A receive loop resumed after waiting continues, at its self tail call, in
%% the fast function: an exception then has one entry for it, as on BEAM.
loop_then_fail(0) -> erlang:error(done_looping);
loop_then_fail(N) -> receive tick -> ok end, loop_then_fail(N - 1).

loop_then_badarg(0, X) -> L = erlang:binary_to_list(X), {L};
loop_then_badarg(N, X) -> receive tick -> ok end, loop_then_badarg(N - 1, X).

t_resume_tail_trace() ->
    Self = self(),
    Ticks = fun() -> spawn(fun() -> receive after 2 -> [Self ! tick || _ <- [1, 2, 3]] end end) end,
    Ticks(),
    A = try loop_then_fail(3) catch error:R1:St1 -> {R1, [{F, Ar} || {?MODULE, F, Ar, _} <- St1]} end,
    Ticks(),
    B = try loop_then_badarg(3, foo) catch error:R2:St2 -> {R2, [{M, F, Ar} || {M, F, Ar, _} <- St2, M =/= erl_eval]} end,
    {A, B}.
