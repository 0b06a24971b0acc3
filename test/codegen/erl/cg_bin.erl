%% Differential fixture: binary construction and matching.
-module(cg_bin).
-export([t_build/0, t_build_sizes/0, t_little/0, t_signed/0, t_floats/0, t_utf/0, t_strings/0,
         t_append/0, t_append_loop/0, t_bitstrings/0, t_match_ints/0, t_match_rest/0,
         t_match_sizes/0, t_match_floats/0, t_match_utf/0, t_match_string/0, t_bin_comp/0,
         t_bits_comp/0, t_parse/0, t_bigints/0, t_errors/0, t_tail_unit/0, t_nested/0,
         t_match_fail/0, t_bin_to_list/0, t_skip/0, t_reuse_ctx/0]).

id(X) -> X.
top(F) -> try F() catch C:R:S -> {C, R, hd(S)} end.

t_build() -> A = id(1), B = id(300), [<<A:8, B:16>>, <<A, B>>, <<A:16, B:16>>, <<B:4>>, <<A:1, B:7>>, <<>>, <<"abc">>,
  <<A:3, B:13, 7:5>>].
t_build_sizes() -> S = id(12), V = id(16#ABCDE), [<<V:S>>, <<V:S/unit:2>>, <<V:(S+20)>>, <<V:0>>].
t_little() -> V = id(16#010203), [<<V:24/little>>, <<V:12/little>>, <<V:20/little>>, <<-2:16/little-signed>>,
  <<V:32/native>>].
t_signed() -> [<<-1:8>>, <<-1:16/signed>>, <<-128:8/signed>>, <<(id(-5)):3>>].
t_floats() -> F = id(1.5), [<<F/float>>, <<F:32/float>>, <<F:16/float>>, <<F:64/float-little>>,
  <<(id(3)):64/float>>, <<(id(-0.0))/float>>, <<(id(1.0e300)):32/float>>].
t_utf() -> C = id(16#1F600), [<<C/utf8>>, <<C/utf16>>, <<C/utf16-little>>, <<C/utf32>>, <<$a/utf8, 16#E9/utf8, 16#20AC/utf8>>].
t_strings() -> S = id(<<"xyz">>), [<<"ab", S/binary, "cd">>, <<S:2/binary>>, <<S/bits>>].
t_append() -> B = id(<<1, 2>>), B2 = <<B/binary, 3>>, B3 = <<B2/binary, 4, 5>>, B4 = <<B2/binary, 9>>, [B, B2, B3, B4].
t_append_loop() -> B = app(100000, <<>>), {byte_size(B), binary_part(B, 99990, 10)}.
app(0, Acc) -> Acc;
app(N, Acc) -> app(N - 1, <<Acc/binary, (N rem 256)>>).
t_bitstrings() -> B = id(<<1:3>>), [<<B/bits, 1:1>>, <<B/bitstring, B/bitstring>>, bit_size(<<B/bits, 0:5>>),
  <<(id(<<1,2>>))/bits, 3:4>>].
t_match_ints() -> <<A, B:16, C:4, D:4, E/binary>> = id(<<1, 2, 3, 16#45, 6, 7>>), [A, B, C, D, E].
t_match_rest() -> <<A:8, Rest/binary>> = id(<<"hello">>), <<X:3, Y/bits>> = id(<<255>>), [A, Rest, X, Y].
t_match_sizes() -> Bin = id(<<3, "abcdef">>), <<N, Str:N/binary, Rest/binary>> = Bin, [N, Str, Rest].
t_match_floats() -> <<F:64/float, G:32/float, H:16/float>> = id(<<2.5/float, 1.25:32/float, 0.5:16/float>>),
  [F, G, H, case id(<<16#7FF0000000000000:64>>) of <<X/float>> -> X; _ -> not_float end].
t_match_utf() -> B = id(<<16#1F600/utf8, 16#E9/utf16, 16#41/utf32-little>>),
  <<A/utf8, C/utf16, D/utf32-little>> = B, [A, C, D,
  case id(<<16#ED, 16#A0, 16#80>>) of <<_/utf8>> -> yes; _ -> surrogate_rejected end].
t_match_string() -> [case id(X) of <<"GET ", P/binary>> -> {get, P}; <<"POST ", P/binary>> -> {post, P};
  _ -> other end || X <- [<<"GET /a">>, <<"POST /b">>, <<"PUT">>]].
t_bin_comp() -> [<< <<(X * 2)>> || <<X>> <= id(<<1, 2, 3>>) >>, [X || <<X:4>> <= id(<<16#AB, 16#CD>>)],
  << <<X:8>> || X <- id([1, 2, 3]), X > 1 >>].
t_bits_comp() -> << <<X:1>> || X <- id([1, 0, 1, 1]) >>.
t_parse() -> parse(id(<<"k1=v1;k2=v22;">>), []).
parse(<<>>, Acc) -> lists:reverse(Acc);
parse(Bin, Acc) -> {K, R1} = until(Bin, $=, <<>>), {V, R2} = until(R1, $;, <<>>), parse(R2, [{K, V} | Acc]).
until(<<C, Rest/binary>>, C, Acc) -> {Acc, Rest};
until(<<C, Rest/binary>>, Stop, Acc) -> until(Rest, Stop, <<Acc/binary, C>>).
t_bigints() -> B = id(1 bsl 70 + 5), <<X:72>> = <<B:72>>, <<Y:72/signed-little>> = <<(-B):72/little>>,
  [X, Y, <<B:80>>].
t_errors() -> [top(fun() -> <<(id(a)):8>> end), top(fun() -> <<(id(<<1:3>>))/binary>> end),
  top(fun() -> <<(id(1)):(id(-1))>> end), top(fun() -> <<(id(16#110000))/utf8>> end),
  top(fun() -> <<(id(<<1>>)):2/binary>> end), top(fun() -> <<(id(1.0)):8/float>> end)].
t_tail_unit() -> [case id(B) of <<_:8, R/binary>> -> R; _ -> nomatch end || B <- [<<1, 2>>, <<1, 2:3>>]].
t_nested() -> <<A:4, B:4, C/binary>> = id(<<16#12, 3, 4>>), <<D:16>> = C, [A, B, D].
t_match_fail() -> [case id(X) of <<1, _/binary>> -> one; <<2:4, _:4>> -> two; <<_:12>> -> twelve; _ -> none end
  || X <- [<<1, 2>>, <<16#25>>, <<1:12>>, <<>>, <<3>>]].
t_bin_to_list() -> [binary_to_list(<<1, 2, 3>>), list_to_binary([1, [2, <<3>>]]), binary:bin_to_list(<<"ab">>)].
t_skip() -> <<_:3, X:5, _/binary>> = id(<<16#FF, 1>>), [X].
t_reuse_ctx() -> count_zeros(id(<<0, 1, 0, 0, 2>>), 0).
count_zeros(<<0, R/binary>>, N) -> count_zeros(R, N + 1);
count_zeros(<<_, R/binary>>, N) -> count_zeros(R, N);
count_zeros(<<>>, N) -> N.
