%% OTP's string module (the chardata API) on ASCII and simple Unicode strings.
-module(str_string_module).
-export([main/0]).

main() ->
    S = "  Hello, World!  ",
    [string:trim(S), string:trim(S, leading), string:trim(S, trailing), string:trim("xxhixx", both, "x"),
     string:to_upper("MiXed 123"), string:to_lower("MiXed"), string:uppercase("abc"),
     string:lowercase(<<"ABC">>), string:titlecase("word"), string:casefold("ABC"),
     string:split("a,b,c", ","), string:split("a,b,c", ",", all), string:split("a,b,c", ",", trailing),
     string:lexemes("  many   spaces here ", " "), string:find("hello world", "o"),
     string:find("hello world", "o", trailing), string:find("hello", "z"),
     string:replace("a-b-c", "-", "+"), string:replace("a-b-c", "-", "+", all),
     string:length("hello"), string:length(<<"héllo"/utf8>>), string:slice("hello world", 6),
     string:slice("hello world", 0, 5), string:pad("7", 3, leading, $0), string:pad("ab", 5),
     string:pad("ab", 5, both, $*), string:reverse("stressed"), string:is_empty(""),
     string:is_empty([[], <<>>]), string:equal("abc", <<"abc">>), string:prefix("prefix", "pre"),
     string:prefix("prefix", "x"), string:take("123abc", "0123456789"),
     string:chomp("line\n"), string:to_integer("123abc"), string:to_float("1.5rest"),
     string:to_integer("abc"), string:next_grapheme("abc"), string:next_codepoint(<<"xyz">>), string:nth_lexeme("a b c", 2, " "),
     string:tokens("a,b;;c", ",;"), string:join(["a", "b", "c"], ", "), string:chars($x, 3),
     string:copies("ab", 3), string:words("one two  three"), string:str("hello", "ll"),
     string:substr("hello", 2, 3), string:strip("..x..", both, $.), string:centre("x", 5)].
