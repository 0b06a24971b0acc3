%% Differential fixture: arithmetic, data, control flow. Every exported t_*
%% function takes no arguments; the test runs each on BEAM and on beamjs.
-module(cg_basic).
-export([t_arith/0, t_bigint/0, t_float/0, t_div/0, t_bits/0, t_compare/0, t_tuple/0,
         t_list/0, t_case/0, t_if/0, t_guards/0, t_fib/0, t_sum/0, t_lc/0, t_strings/0,
         t_element/0, t_setelement/0, t_records/0, t_maps/0, t_map_update/0, t_map_match/0,
         t_funs/0, t_closure/0, t_apply/0, t_mutual/0, t_deep/0, t_badmatch/0, t_case_clause/0,
         t_if_clause/0, t_function_clause/0, t_badarith/0, t_badarg/0, t_badfun/0,
         t_badarity/0, t_undef/0, t_badkey/0, t_badmap/0, t_try/0, t_catch/0, t_throw/0,
         t_exit/0, t_after/0, t_rethrow/0, t_nested_try/0, t_stacktrace/0, t_float_ops/0,
         t_select/0, t_swap/0, t_bool/0, t_minmax/0, t_sizes/0, t_try_of/0,
         t_try_clause/0, t_raise/0, t_error2/0, t_erlang_apply/0, t_self_tail/0]).
-record(r, {a = 1, b = two, c}).

t_arith() -> X = id(7), Y = id(-3),
  [X + Y, X - Y, X * Y, X div Y, X rem Y, -X, +X, X band Y, X bor Y, X bxor Y, bnot X,
   X bsl 3, X bsr 1, Y bsr 1, Y bsl 70, abs(Y), 1 bsl 53, (1 bsl 53) - 1 + 2].
t_bigint() -> B = id(1 bsl 64),
  [B + 1, B - B, B * B, B div 3, B rem 7, -B, B band 16#FFFF, B bor 1, B bxor B, bnot B,
   B bsr 60, B bsl 10, (B * B) div B, 9007199254740991 + 1, -9007199254740991 - 1,
   id(94906267) * id(94906267), id(-4) * id(0)].
t_float() -> F = id(2.5),
  [F + 1, F * 2, F / 2, 1 / 4, float(3), trunc(F), round(F), round(-F), floor(-F), ceil(F),
   abs(-F), 0.1 + 0.2, -0.0, 1.0e300 * 10.0e-10, 3 / 2].
t_div() -> [7 div 2, -7 div 2, 7 rem -2, -7 rem 2, 7.0 / 2, (1 bsl 70) div -3, (1 bsl 70) rem -3].
t_bits() -> [1 bsl 100 bsr 99, -1 bsr 100, 5 bsr -2, 1 bsl -3, -(1 bsl 70) bsr 2, 255 band -256].
t_compare() -> L = [1, 1.0, a, {1}, [1], <<1>>, #{}, [], self() < a, 2 > 1.5],
  [[A < B || A <- L, B <- L], [A == B || A <- L, B <- L], [A =:= B || A <- L, B <- L],
   lists:sort(L)].
t_tuple() -> T = id({a, b, c}), {element(2, T), tuple_size(T), setelement(1, T, z), erlang:append_element(T, d)}.
t_list() -> L = id([1, 2, 3]), [hd(L), tl(L), length(L), L ++ [4], L -- [2], lists:reverse(L),
  [H || H <- L, H > 1], [X * Y || X <- L, Y <- L]].
t_case() -> [classify(X) || X <- [0, 1, -5, a, "s", <<"b">>, {x}, [], 3.5]].
classify(0) -> zero;
classify(N) when is_integer(N), N > 0 -> pos;
classify(N) when is_integer(N) -> neg;
classify(A) when is_atom(A) -> atom;
classify([_ | _]) -> list;
classify(B) when is_binary(B) -> binary;
classify(T) when is_tuple(T) -> tuple;
classify([]) -> nil;
classify(F) when is_float(F) -> float.
t_if() -> [if X > 2 -> big; X > 0 -> small; true -> none end || X <- [5, 1, 0]].
t_guards() -> [g(X) || X <- [{a, 1}, {b, 2, 3}, [1, 2], #{k => v}, 7, 8.0, <<1:3>>, fun() -> ok end]].
g({a, N}) when N =:= 1 -> tagged;
g(T) when tuple_size(T) =:= 3, element(1, T) == b -> three;
g(L) when length(L) == 2 -> two;
g(M) when map_size(M) > 0, is_map_key(k, M), map_get(k, M) =:= v -> map;
g(N) when N rem 2 =:= 1 -> odd;
g(F) when is_float(F), F > 7 -> float;
g(B) when is_bitstring(B), bit_size(B) < 8 -> bits;
g(F) when is_function(F, 0) -> fun0;
g(_) -> other.
t_fib() -> fib(25).
fib(0) -> 0; fib(1) -> 1; fib(N) -> fib(N - 1) + fib(N - 2).
t_sum() -> sum(lists:seq(1, 100000), 0).
sum([H | T], A) -> sum(T, A + H); sum([], A) -> A.
t_lc() -> [{X, Y} || X <- [1, 2, 3], Y <- "ab", X =/= 2].
t_strings() -> ["hello", "h\x{e9}llo", [1114111], "", atom_to_list(abc), list_to_atom("x y")].
t_element() -> T = {1, 2}, try element(3, T) catch error:R -> R end.
t_setelement() -> R = #r{c = 3}, R2 = R#r{a = 10, c = 30}, {R, R2, R2#r.b, setelement(2, {1, 2, 3}, x)}.
t_records() -> R = #r{}, [R#r.a, R#r.b, is_record(R, r), is_record(x, r), #r.b].
t_maps() -> M = #{a => 1, b => 2, {c} => [3]}, [M, maps:get(a, M), M#{a => 10}, M#{d => 4},
  map_size(M), maps:to_list(#{1 => a, 1.0 => b})].
t_map_update() -> M = id(#{a => 1}), [M#{a := 2}, top(fun() -> M#{b := 2} end), top(fun() -> (id(x))#{a => 1} end)].
t_map_match() -> M = id(#{a => 1, b => 2}), [case M of #{a := A, b := B} -> A + B end,
  case M of #{c := _} -> no; #{a := 1} -> yes end].
t_funs() -> F = fun(X) -> X * 2 end, G = fun erlang:abs/1, H = fun lists:reverse/1,
  [F(3), G(-3), H([1, 2]), (fun(A, B) -> A - B end)(5, 3), lists:map(F, [1, 2, 3]), is_function(F, 1)].
t_closure() -> N = id(10), Add = fun(X) -> X + N end, Fs = [fun() -> I * N end || I <- [1, 2, 3]],
  [Add(1), [Fn() || Fn <- Fs], lists:foldl(fun(X, Acc) -> X + Acc + N end, 0, [1, 2])].
t_apply() -> M = id(lists), F = id(reverse), [apply(M, F, [[1, 2, 3]]), M:F([4, 5]), erlang:apply(fun(X) -> X end, [1])].
t_mutual() -> even(100001).
even(0) -> true; even(N) -> odd(N - 1).
odd(0) -> false; odd(N) -> even(N - 1).
t_deep() -> length(deep(200000)).
deep(0) -> []; deep(N) -> [N | deep(N - 1)].
t_badmatch() -> {a, X} = id({b, 1}), X.
t_case_clause() -> case id(3) of 1 -> a; 2 -> b end.
t_if_clause() -> X = id(3), if X > 5 -> a; X < 0 -> b end.
t_function_clause() -> classify(id(make_ref())).
t_badarith() -> id(1) + id(a).
t_badarg() -> atom_to_list(id(1)).
t_badfun() -> (id(notafun))(1).
t_badarity() -> (id(fun(X) -> X end))(1, 2).
t_undef() -> (id(no_such_module)):f(1).
t_badkey() -> M = id(#{}), M#{k := 1}.
t_badmap() -> M = id([]), M#{k => 1}.
t_try() -> [try id(X) + 1 catch error:badarith -> bad end || X <- [1, a]].
t_catch() -> [catch throw(t), catch exit(e), element(1, catch error(r)), catch 1].
t_throw() -> throw({my, value}).
t_exit() -> exit(some_reason).
t_after() -> put(k, 0), R = (catch try throw(x) after put(k, 1) end), {R, get(k)}.
t_rethrow() -> try try error(inner) catch throw:_ -> no end catch error:E -> {outer, E} end.
t_nested_try() -> try try throw(a) catch throw:a -> throw(b) end catch throw:b -> caught_b end.
t_stacktrace() -> try error(boom) catch error:boom:St -> {ok, is_list(St), length(St) > 0} end.
t_float_ops() -> X = id(1.5), Y = id(2.0), [X * Y + X / Y - X, -X, top(fun() -> X / 0.0 end), top(fun() -> X * 1.0e308 * 10.0 end)].
t_select() -> [sel(X) || X <- [1, 2, 3, 100, a, b, c, {1, 2}, {1, 2, 3}]].
sel(1) -> one; sel(2) -> two; sel(100) -> hundred; sel(a) -> aa; sel(b) -> bb;
sel({_, _}) -> pair; sel({_, _, _}) -> triple; sel(_) -> other.
t_swap() -> swap({1, 2}, 5).
swap({A, B}, N) when N > 0 -> swap({B, A}, N - 1); swap(T, _) -> T.
t_bool() -> [A and B || A <- [true, false], B <- [true, false]] ++ [not true, true xor false,
  top(fun() -> id(1) and true end)].
t_minmax() -> [max(1, 2), min(1, 2), max(1, 1.0), min(1.0, 1), max(a, 1)].
t_sizes() -> [byte_size(<<1, 2, 3>>), bit_size(<<1:3>>), size({1, 2}), size(<<1, 2>>), tuple_size({})].
t_try_of() -> [try id(X) of 1 -> one; 2 -> two; _ -> many catch _:_ -> err end || X <- [1, 2, 3]].
t_try_clause() -> try id(3) of 1 -> one after ok end.
t_raise() -> try erlang:raise(throw, r, []) catch C:R -> {C, R} end.
t_error2() -> error(reason, [a, b]).
t_erlang_apply() -> erlang:apply(?MODULE, id(fib), [10]).
t_self_tail() -> loop(1000000, 0).
loop(0, A) -> A; loop(N, A) -> loop(N - 1, A + 1).
id(X) -> X.
%% The exception and the top frame of its stack trace (BEAM's deeper frames
%% are the callers, which beamjs does not record).
top(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.
