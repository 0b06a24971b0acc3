%% Interprets a list of ETS operations on one fresh table, for the
%% differential test test/bifs/ets.test.ts: the same call runs on BEAM and on
%% beamjs and the ~w text of the results must be identical.
%%
%% run/2 returns results in the order the table gives them (beamjs lays out
%% hash tables as BEAM does); run_sorted/2 sorts the results whose order is
%% the hash order of set/bag/duplicate_bag tables.
-module(ets_driver).
-export([run/2, run_sorted/2]).
-include_lib("stdlib/include/ms_transform.hrl").

%% Type is a table type, or {Type, ExtraOptions}.
run(Type, Ops) -> run(Type, Ops, exact).

run_sorted({Type, _} = T, Ops) -> run(T, Ops, Type);
run_sorted(Type, Ops) -> run(Type, Ops, Type).

run({Type, Opts}, Ops, Order) -> run(Type, Opts, Ops, Order);
run(Type, Ops, Order) -> run(Type, [], Ops, Order).

run(Type, Opts, Ops, Order) ->
    T = ets:new(ets_driver_tab, [Type, public | Opts]),
    try [step(Order, T, Op) || Op <- Ops]
    after ets:delete(T)
    end.

step(Type, T, Op) ->
    try {ok, clean(T, op(Type, T, Op))}
    catch C:R -> {C, clean(T, R)}
    end.

%% Replace the table id (a reference) by an atom.
clean(T, T) -> tab;
clean(T, [H | Tl]) -> [clean(T, H) | clean(T, Tl)];
clean(T, X) when is_tuple(X) -> list_to_tuple(clean(T, tuple_to_list(X)));
clean(_, X) when is_reference(X) -> ref;
clean(_, X) -> X.

ord(exact, L) -> L;
ord(ordered_set, L) -> L;
ord(_, L) when is_list(L) -> lists:sort(fun exact_le/2, L);
ord(_, X) -> X.

%% A total order: == terms (1 and 1.0) ordered by their external format.
exact_le(A, B) when A == B -> term_to_binary(A) =< term_to_binary(B);
exact_le(A, B) -> A < B.

op(_, T, {insert, X}) -> ets:insert(T, X);
op(_, T, {insert_new, X}) -> ets:insert_new(T, X);
op(_, T, {lookup, K}) -> ets:lookup(T, K);
op(_, T, {lookup_element, K, P}) -> ets:lookup_element(T, K, P);
op(_, T, {member, K}) -> ets:member(T, K);
op(_, T, {take, K}) -> ets:take(T, K);
op(_, T, {delete, K}) -> ets:delete(T, K);
op(_, T, {delete_object, O}) -> ets:delete_object(T, O);
op(_, T, delete_all_objects) -> ets:delete_all_objects(T);
op(_, T, {update_counter, K, U}) -> ets:update_counter(T, K, U);
op(_, T, {update_counter, K, U, D}) -> ets:update_counter(T, K, U, D);
op(_, T, {update_element, K, U}) -> ets:update_element(T, K, U);
op(Ty, T, {select, MS}) -> ord(Ty, ets:select(T, MS));
op(Ty, T, {select_reverse, MS}) -> ord(Ty, ets:select_reverse(T, MS));
op(Ty, T, {select_chunks, MS, N}) -> ord(Ty, chunks(ets:select(T, MS, N), []));
op(Ty, T, {select_reverse_chunks, MS, N}) -> ord(Ty, chunks(ets:select_reverse(T, MS, N), []));
op(_, T, {select_count, MS}) -> ets:select_count(T, MS);
op(_, T, {select_delete, MS}) -> ets:select_delete(T, MS);
op(_, T, {select_replace, MS}) -> ets:select_replace(T, MS);
op(Ty, T, {match, P}) -> ord(Ty, ets:match(T, P));
op(Ty, T, {match_object, P}) -> ord(Ty, ets:match_object(T, P));
op(Ty, T, {match_chunks, P, N}) -> ord(Ty, chunks(ets:match(T, P, N), []));
op(_, T, {match_delete, P}) -> ets:match_delete(T, P);
op(Ty, T, tab2list) -> ord(Ty, ets:tab2list(T));
op(Ty, T, walk) -> ord(Ty, walk(T, ets:first(T), fun ets:next/2));
op(Ty, T, walk_back) -> ord(Ty, walk(T, ets:last(T), fun ets:prev/2));
op(Ty, T, {next, K}) when Ty =:= exact; Ty =:= ordered_set -> ets:next(T, K);
op(Ty, T, {prev, K}) when Ty =:= exact; Ty =:= ordered_set -> ets:prev(T, K);
op(_, T, {next, K}) -> _ = ets:next(T, K), ok;  % which key: hash order
op(_, T, {prev, K}) -> _ = ets:prev(T, K), ok;
op(_, T, {slot, I}) -> ets:slot(T, I);
op(Ty, T, foldl) -> ord(Ty, ets:foldl(fun(O, A) -> [O | A] end, [], T));
op(_, T, size) -> ets:info(T, size);
op(_, T, {info, I}) -> ets:info(T, I);
op(_, T, fun2ms) ->
    %% Specs as ms_transform writes them.
    MS1 = ets:fun2ms(fun({K, V}) when is_integer(K), K > 2 -> {V, K} end),
    MS2 = ets:fun2ms(fun({K, V}) when is_atom(V) orelse V =:= 1 -> K end),
    MS3 = ets:fun2ms(fun(X = {_, V}) when is_number(V), V * 2 >= 4 -> X end),
    MS4 = ets:fun2ms(fun({K, V}) when not is_tuple(K), (V band 1) =:= 0 -> [K | V] end),
    S = fun(L) -> lists:sort(fun exact_le/2, L) end,
    [ets:select_count(T, MS1), S(ets:select(T, MS1)), S(ets:select(T, MS2)),
     S(ets:select(T, MS3)), S(ets:select(T, MS4))];
op(_, T, {bulk, N}) ->
    %% Enough objects to grow the hash table past 256 buckets and shrink it
    %% again, and selects that visit more than 1000 objects per call.
    Key = fun(I) -> case I rem 3 of 0 -> I; 1 -> float(I); 2 -> integer_to_binary(I) end end,
    %% One object per insert: BEAM inserts a long list backwards when the
    %% caller has few reductions left, which no test can pin down.
    [ets:insert(T, {Key(I * 7 rem (N + 3)), I}) || I <- lists:seq(1, N)],
    [ets:insert(T, {Key(I), dup}) || I <- lists:seq(1, N, 5)],
    A = ets:tab2list(T),
    [ets:delete(T, Key(K)) || K <- lists:seq(0, N, 3)],
    B = ets:tab2list(T),
    C = chunk_lists(ets:select(T, [{{'$1', '$2'}, [{is_integer, '$2'}], ['$1']}], 7)),
    C2 = chunk_lists(ets:select(T, [{{'$1', '_'}, [], ['$1']}], 450)),
    D = walk(T, ets:first(T), fun ets:next/2),
    E = [ets:slot(T, I) || I <- [0, 1, 255, 256]],
    G = ets:select_delete(T, [{{'_', '$1'}, [{is_integer, '$1'}, {'=:=', {'rem', '$1', 4}, 1}], [true]}]),
    H = ets:tab2list(T),
    [ets:delete(T, Key(K)) || K <- lists:seq(0, N)],
    F = ets:tab2list(T),
    {A, B, C, C2, D, E, G, H, F};
op(_, _, {ms_run, L, MS}) -> ets:match_spec_run(L, ets:match_spec_compile(MS));
op(_, _, {test_ms, X, MS}) -> ets:test_ms(X, MS).

chunks('$end_of_table', Acc) -> lists:append(lists:reverse(Acc));
chunks({L, C}, Acc) -> chunks(ets:select(C), [L | Acc]).

chunk_lists('$end_of_table') -> [];
chunk_lists({L, '$end_of_table'}) -> [L];
chunk_lists({L, C}) -> [L | chunk_lists(ets:select(C))].

walk(_, '$end_of_table', _) -> [];
walk(T, K, Next) -> [K | walk(T, Next(T, K), Next)].
