%% The total term order across types: number < atom < reference < fun < port < pid <
%% tuple < map < nil < list < bitstring. References, funs and pids are replaced by labels
%% after sorting.
-module(order_mixed_sort).
-export([main/0]).

main() ->
    Ref = make_ref(), Fun = fun() -> ok end, Pid = self(),
    Terms = [<<"bin">>, [1], [], #{a => 1}, {x}, Pid, Fun, Ref, atom, 1.5, 7, <<1:3>>, "str",
             {}, #{}, -1, 'Zed', 1 bsl 70],
    Label = fun(T) when T =:= Ref -> ref; (T) when T =:= Fun -> 'fun'; (T) when T =:= Pid -> pid;
               (T) -> T end,
    {[Label(T) || T <- lists:sort(Terms)], [Label(T) || T <- lists:reverse(lists:sort(Terms))],
     lists:max(Terms) =:= <<"bin">>, Label(lists:min([Pid, Ref, Fun])),
     Ref < Fun, Fun < Pid, Pid < {}, {} < #{}, #{} < [], [] < [0], [0] < <<>>}.
