%% erlang:phash2/1,2 is a portable, specified hash: its values are stable across runs.
-module(misc_phash2).
-export([main/0]).

main() ->
    Terms = [0, 1, -1, 1 bsl 70, 1.5, atom, "string", <<"binary">>, <<1:3>>, {a, b}, [1, 2, 3],
             [], {}, #{a => 1}, #{}, [a | b]],
    {[erlang:phash2(T) || T <- Terms], [erlang:phash2(T, 1000) || T <- Terms],
     erlang:phash2(lists:seq(1, 1000)), erlang:phash2(x, 1)}.
