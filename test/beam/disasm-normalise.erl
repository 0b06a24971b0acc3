%% beam_disasm:file/1 output in the normalised shape that
%% test/beam/disasm-diff.test.ts builds from beamjs's decoder, so that the two
%% can be compared structurally, instruction by instruction and operand by
%% operand. Compiled and loaded into the erl reference server by the test.
%%
%% Normalised shape of a module:
%%   {ok, Module, Exports, [{Name, Arity, EntryLabel, [Instr]}]}
%%   Exports = lists:sort([{Name, Arity, Label}])       (beam_disasm's labeled_exports)
%%   Instr   = {GenopName, [Operand]}                   operands in the binary's order
%% Operand:
%%   {x,N} {y,N} {fr,N} {f,Label} {atom,A} nil {integer,N} {char,N}
%%   {float,F}          a float, inline or from LitT (beam_disasm does not say which)
%%   {literal,T}        any other LitT entry (no index: beam_disasm drops it)
%%   N                  an untagged (`u`) value: arity, Live, size, unit, index...
%%   {field_flags,N}    bit syntax flags
%%   {alloc,Words,Floats,Funs}   allocation list (or a plain N when not a list)
%%   {list,[Operand]}
%%   {tr,Reg,{Type,Range}}       typed register: Type is beam_types:decode_ext/1's
%%                      type of the Type entry, Range {Min,Max} or any
%%   {extfunc,M,F,A}    import, in call_ext*
%%   BifName            import of bif*/gc_bif* (beam_disasm keeps only the name)
%%   {M,F,A}            target of call/call_only/call_last (beam_disasm's form)
%%   {fun,Row,Name,Arity,OldUniq[,NumFree]}  FunT entry of make_fun3 (make_fun2)
%%   {fun,Row}          FunT entry of call_fun2
%%   {string,Binary}    StrT slice (bs_put_string, bs_match_string, bs_create_bin)
%%   N                  the Line item of a `line` instruction
-module(beamjs_disasm_normalise).
-export([files/1, file/1, type_table/0]).

-record(tr, {r, t}).   %% as in beam_disasm.hrl

%% Normalise many files in parallel (one process each), in order.
files(Paths) ->
    Parent = self(),
    Pids = [spawn_monitor(fun() -> Parent ! {self(), catch_file(P)} end) || P <- Paths],
    [receive
         {Pid, R} -> erlang:demonitor(Ref, [flush]), R;
         {'DOWN', Ref, process, Pid, Why} -> {error, Why}
     end || {Pid, Ref} <- Pids].

catch_file(Path) ->
    try file(Path)
    catch C:R:St -> {error, {C, R, lists:sublist(St, 4)}}
    end.

file(Path) ->
    case beam_disasm:file(Path) of
        {beam_file, Mod, Exports, _Attrs, _CInf, Fns} ->
            {ok, {Mod, [{"StrT", Str}]}} = beam_lib:chunks(Path, ["StrT"]),
            {ok, Mod, lists:sort(Exports), functions(Fns, Mod, Str)};
        Error ->
            {error, Error}
    end.

%% beam_disasm reverses the run of label/line instructions before func_info
%% for every function but the first (its get_fun/labels_r collects the run
%% from the end of the previous function, then reverses it once more): put it
%% back in file order.
functions([F | Fs], Mod, Str) ->
    [function(F, Mod, Str, false) | [function(G, Mod, Str, true) || G <- Fs]].

function({function, Name, Arity, Entry, Code0}, Mod, Str, Reversed) ->
    {Head, Rest} = lists:splitwith(fun(I) -> element(1, I) =/= func_info end, Code0),
    Code = case Reversed of true -> lists:reverse(Head) ++ Rest; false -> Code0 end,
    {Name, Arity, Entry, [instr(I, Mod, Str) || I <- Code]}.

%% ---- Instructions: beam_disasm's shapes back to genop operand order --------

%% Operand-less instructions are bare atoms in beam_disasm.
instr(I, _, _) when is_atom(I) -> {I, []};
instr({test, has_map_fields, F, Src, List}, _, _) -> {has_map_fields, ops([F, Src, List])};
instr({test, bs_match_string, F, [Ms, Bits, Bin]}, _, _) ->
    {bs_match_string, ops([F, Ms, Bits]) ++ [{string, Bin}]};
instr({test, Name, F, Args}, _, _) -> {Name, ops([F | Args])};
%% Local calls: beam_disasm has resolved the label to {M,F,A}; kept as is.
instr({call, N, MFA}, _, _) -> {call, [op(N), MFA]};
instr({call_only, N, MFA}, _, _) -> {call_only, [op(N), MFA]};
instr({call_last, N, MFA, D}, _, _) -> {call_last, [op(N), MFA, op(D)]};
%% bif0 has no fail label (beam_disasm writes `nofail`); bif1/bif2 by argument count.
instr({bif, Bif, nofail, [], Dst}, _, _) -> {bif0, [Bif, op(Dst)]};
instr({bif, Bif, F, Args, Dst}, _, _) ->
    {list_to_atom("bif" ++ integer_to_list(length(Args))), [op(F), Bif | ops(Args)] ++ [op(Dst)]};
instr({gc_bif, Bif, F, Live, Args, Dst}, _, _) ->
    {list_to_atom("gc_bif" ++ integer_to_list(length(Args))),
     [op(F), op(Live), Bif | ops(Args)] ++ [op(Dst)]};
instr({arithfbif, Op, F, Args, Dst}, _, _) -> {Op, ops([F | Args] ++ [Dst])};
%% beam_disasm writes raise as {raise,{f,0},[A,B],{x,0}}; the binary has A, B.
instr({raise, {f, 0}, Args, {x, 0}}, _, _) -> {raise, ops(Args)};
instr({bs_add, F, [A, B, Unit], Dst}, _, _) -> {bs_add, ops([F, A, B, Unit, Dst])};
instr({bs_put_string, Len, {string, Chars}}, _, _) ->
    {bs_put_string, [op(Len), {string, list_to_binary(Chars)}]};
instr({make_fun2, {Mod, Name, Arity}, Row, OldUniq, NumFree}, Mod, _) ->
    {make_fun2, [{'fun', Row, Name, Arity, OldUniq, NumFree}]};
instr({make_fun3, {Mod, Name, Arity}, Row, OldUniq, Dst, Env}, Mod, _) ->
    {make_fun3, [{'fun', Row, Name, Arity, OldUniq}, op(Dst), op(Env)]};
%% call_fun2's tag is an atom or (OTP 25, a known local fun) a raw FunT index.
instr({call_fun2, Tag, Arity, Fun}, _, _) ->
    T = case Tag of {u, Row} -> {'fun', Row}; _ -> op(Tag) end,
    {call_fun2, [T, op(Arity), op(Fun)]};
%% bs_create_bin is left undecoded by beam_disasm: {bs_create_bin,[Raw]}.
instr({bs_create_bin, [{Fail, Alloc, Live, Unit, Dst, {z, 1}, {u, _}, Segs}]}, _, Str) ->
    {bs_create_bin, ops([Fail, Alloc, Live, Unit, Dst]) ++ [{list, segments(Segs, Str)}]};
instr(I, _, _) when is_tuple(I) ->
    [Name | Args] = tuple_to_list(I),
    {Name, ops(Args)}.

%% Segments are 6 items: Type, SegNo, Unit, Flags, Src, Size. For `string`
%% Src is a StrT offset and Size the byte count.
segments([{atom, string} = T, No, Unit, Flags, {u, Off}, {i, Len} | Rest], Str) ->
    [op(T), op(No), op(Unit), op(Flags), {string, binary:part(Str, Off, Len)}, op({i, Len})
     | segments(Rest, Str)];
segments([A, B, C, D, E, F | Rest], Str) ->
    ops([A, B, C, D, E, F]) ++ segments(Rest, Str);
segments([], _) -> [].

%% ---- Operands ----------------------------------------------------------------

ops(L) -> [op(A) || A <- L].

op(#tr{r = Reg, t = {Type, Min, Max}}) -> {tr, op(Reg), {Type, range(Min, Max)}};
op({x, _} = R) -> R;
op({y, _} = R) -> R;
op({fr, _} = R) -> R;
op({f, _} = L) -> L;
op({atom, _} = A) -> A;
op(nil) -> nil;
op({integer, _} = I) -> I;
op({i, N}) -> {integer, N};
op({h, N}) -> {char, N};
op({float, _} = F) -> F;
op({literal, _} = L) -> L;
op({field_flags, _} = F) -> F;
op({list, L}) -> {list, ops(L)};
%% Some instructions keep their raw {u,N} operands (bs_start_match3/4,
%% bs_get_tail, ...); resolved ones are plain integers already.
op({u, {alloc, L}}) -> alloc(L);
op({u, N}) when is_integer(N) -> N;
op({alloc, L}) -> alloc(L);
op(N) when is_integer(N) -> N;
op({extfunc, _, _, _} = E) -> E;
op(Other) -> {unexpected_operand, Other}.

%% The allocation list as the sum per kind: our decoder does not keep the
%% order or repetition of the list's entries (neither does the loader).
alloc(L) ->
    Sum = fun(K) -> lists:sum([N || {K1, N} <- L, K1 =:= K]) end,
    {alloc, Sum(words), Sum(floats), Sum(funs)}.

%% beam_types:decode_ext/1 reads the bounds as unsigned; the Type chunk stores
%% them signed, and Min > Max means "no range".
range(Min0, Max0) ->
    <<Min:64/signed>> = <<Min0:64>>,
    <<Max:64/signed>> = <<Max0:64>>,
    if Min =< Max -> {Min, Max}; true -> any end.

%% The type beam_disasm shows for each Type-chunk bit set (index = the 13 bits):
%% decode_ext joins the types of the set bits, which loses some (e.g. fun and
%% bitstring join to any), so the test maps its own bits through this table.
type_table() ->
    list_to_tuple([element(1, beam_types:decode_ext(<<B:16, 0:64, -1:64>>))
                   || B <- lists:seq(0, 8191)]).
