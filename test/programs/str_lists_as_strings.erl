%% Strings are lists of code points: ++, --, comparisons, unicode code points, printing with ~w.
-module(str_lists_as_strings).
-export([main/0]).

main() ->
    A = "hello", B = "world",
    U = "naïve 😀 ħ",
    {A ++ " " ++ B, A -- "lo", "abc" < "abd", "abc" < "abcd", "" < "a", "Z" < "a", length(U),
     U, [C || C <- U, C > 127], lists:reverse(A), hd(B), lists:nth(3, A), string:length(U),
     unicode:characters_to_binary(U), unicode:characters_to_list(<<"ħ"/utf8>>),
     [$a | "bc"], [$a, $b | [$c]]}.
