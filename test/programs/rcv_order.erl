%% Message order: per-sender order is preserved; order between senders is not assumed,
%% so messages are grouped by sender before being returned.
-module(rcv_order).
-export([main/0]).

main() ->
    Self = self(),
    Senders = [spawn(fun() -> [Self ! {Id, I} || I <- lists:seq(1, 100)] end) || Id <- [a, b, c]],
    All = [receive M -> M end || _ <- lists:seq(1, 300)],
    PerSender = [[I || {Id2, I} <- All, Id2 =:= Id] || Id <- [a, b, c]],
    Self ! first, Self ! second, Self ! third,
    Own = [receive M2 -> M2 end || _ <- [1, 2, 3]],
    {length(Senders), [P =:= lists:seq(1, 100) || P <- PerSender], Own}.
