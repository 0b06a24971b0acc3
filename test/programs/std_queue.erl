%% queue: the original API, the extended API and the "Okasaki" API.
-module(std_queue).
-export([main/0]).

main() ->
    Q0 = queue:new(),
    Q1 = lists:foldl(fun queue:in/2, Q0, [1, 2, 3]),
    Q2 = queue:in_r(0, Q1),
    {{value, H}, Q3} = queue:out(Q2),
    {{value, T}, Q4} = queue:out_r(Q3),
    Big = queue:from_list(lists:seq(1, 10000)),
    {queue:to_list(Q1), queue:to_list(Q2), H, T, queue:to_list(Q4), queue:len(Q2),
     queue:is_empty(Q0), queue:out(Q0), queue:peek(Q2), queue:peek_r(Q2),
     queue:to_list(queue:reverse(Q2)), queue:to_list(queue:join(Q1, Q1)),
     queue:to_list(queue:filter(fun(X) -> X rem 2 =:= 1 end, Q2)), queue:member(2, Q2),
     queue:head(Q2), queue:last(Q2), queue:to_list(queue:tail(Q2)), queue:to_list(queue:cons(x, Q1)),
     queue:to_list(queue:snoc(Q1, y)), queue:len(Big), queue:get(Big), queue:get_r(Big),
     queue:to_list(element(1, queue:split(2, Q2))), queue:all(fun is_integer/1, Q2),
     queue:fold(fun(X, A) -> X + A end, 0, Big),
     drain(Big, 0), try queue:get(Q0) catch C:R -> {C, R} end}.

drain(Q, N) ->
    case queue:out(Q) of
        {{value, V}, Q2} -> drain(Q2, N + V);
        {empty, _} -> N
    end.
