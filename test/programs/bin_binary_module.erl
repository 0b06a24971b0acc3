%% The parts of OTP's binary module that are pure Erlang or BIFs on binaries.
-module(bin_binary_module).
-export([main/0]).

main() ->
    B = <<"one,two,,three">>,
    [binary:split(B, <<",">>), binary:split(B, <<",">>, [global]),
     binary:split(B, <<",">>, [global, trim_all]), binary:match(B, <<"two">>),
     binary:matches(B, [<<"o">>, <<"t">>]), binary:replace(B, <<",">>, <<";">>, [global]),
     binary:first(B), binary:last(B), binary:at(B, 4), binary:part(B, {4, 3}),
     binary:bin_to_list(B, {0, 3}), binary:copy(<<"ab">>, 3), binary:decode_unsigned(<<1, 0>>),
     binary:encode_unsigned(65536), binary:decode_unsigned(<<1, 0>>, little),
     binary:longest_common_prefix([<<"prefix1">>, <<"prefix22">>, <<"pre">>]),
     binary:longest_common_suffix([<<"abcxyz">>, <<"xyz">>]), binary:referenced_byte_size(<<"abc">>) >= 3].
