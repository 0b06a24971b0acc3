%% `after 0` polls the mailbox without blocking; messages already queued are seen.
-module(rcv_after_zero).
-export([main/0]).

main() ->
    Empty = receive X -> {got, X} after 0 -> empty end,
    self() ! one,
    One = receive Y -> {got, Y} after 0 -> empty end,
    self() ! {tag, 1},
    NoMatch = receive {other, _} -> matched after 0 -> no_match end,
    StillThere = receive {tag, V} -> {still_there, V} after 0 -> gone end,
    Flushed = flush_count(0),
    {Empty, One, NoMatch, StillThere, Flushed}.

flush_count(N) ->
    [self() ! I || I <- lists:seq(1, 1000)] =/= [] andalso ok,
    count(N).

count(N) -> receive _ -> count(N + 1) after 0 -> N end.
