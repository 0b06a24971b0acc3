%% term_to_binary/binary_to_term round trips and the exact external format bytes.
-module(bin_term_to_binary).
-export([main/0]).

main() ->
    Terms = [0, 255, 256, -1, 1 bsl 40, -(1 bsl 100), 1.5, atom, '', "abc", [1, 2 | 3], [],
             {}, {a, {b}}, <<"bin">>, <<1:3>>, #{a => 1, 2 => [b]}, "ünï", [300, 400],
             list_to_atom([1046, 1046])],
    [{T, term_to_binary(T), binary_to_term(term_to_binary(T)) =:= T,
      term_to_binary(T, [{minor_version, 1}])} || T <- Terms].
