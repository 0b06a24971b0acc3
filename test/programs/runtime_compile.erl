%% OTP's compiler running on the runtime: a module given as source text is
%% scanned, parsed, compiled to a .beam binary (map patterns make the
%% compiler sort keys with erts_internal:cmp_term/2), loaded and called.
-module(runtime_compile).
-export([main/0]).

source() ->
    "-module(rc_generated).\n"
    "-export([classify/1, total/1]).\n"
    "classify(#{kind := circle, r := R}) -> {circle, R * R * 3};\n"
    "classify(#{kind := square, 1 := S, 1.0 := T}) -> {square, S * T};\n"
    "classify(#{<<\"bin\">> := B, {t} := _}) -> {bin, byte_size(B)};\n"
    "classify(_) -> other.\n"
    "total(L) -> lists:sum([X || {_, X} <- L]).\n".

forms(Text) ->
    {ok, Tokens, _} = erl_scan:string(Text),
    split(Tokens, [], []).

split([], [], Acc) -> lists:reverse(Acc);
split([{dot, _} = D | Rest], Cur, Acc) ->
    {ok, Form} = erl_parse:parse_form(lists:reverse([D | Cur])),
    split(Rest, [], [Form | Acc]);
split([T | Rest], Cur, Acc) -> split(Rest, [T | Cur], Acc).

main() ->
    Cmp = [erts_internal:cmp_term(A, B) || {A, B} <- [{1, 1.0}, {1.0, 1}, {a, a}, {2, 1.5}, {[], {}}]],
    {ok, rc_generated, Bin} = compile:forms(forms(source()), [binary, report_errors]),
    {module, rc_generated} = code:load_binary(rc_generated, "rc_generated.erl", Bin),
    Rs = [rc_generated:classify(M) || M <- [#{kind => circle, r => 2},
                                           #{kind => square, 1 => 3, 1.0 => 4},
                                           #{<<"bin">> => <<"abc">>, {t} => x},
                                           #{}]],
    {Cmp, Rs, rc_generated:total(Rs -- [other])}.
