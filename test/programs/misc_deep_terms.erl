%% Very deep and very long terms: equality, comparison, hashing, copying between processes
%% and the external format must not depend on the host's stack depth.
-module(misc_deep_terms).
-export([main/0]).

main() ->
    Long = lists:seq(1, 1000000),
    Deep = nest(100000),
    Deep2 = nest(100000),
    DeepList = lists:foldl(fun(_, Acc) -> [Acc] end, [], lists:seq(1, 100000)),
    Self = self(),
    spawn(fun() -> Self ! {copy, Deep, DeepList} end),
    {Deep3, DL2} = receive {copy, D, L} -> {D, L} end,
    {Long =:= lists:seq(1, 1000000), Deep =:= Deep2, Deep == Deep3, DeepList =:= DL2,
     Deep < nest(100001), erlang:phash2(Deep) =:= erlang:phash2(Deep2),
     byte_size(term_to_binary(Deep)), binary_to_term(term_to_binary(DeepList)) =:= DeepList,
     lists:max([Deep, Deep2]) =:= Deep, length(lists:sort(lists:reverse(Long)))}.

nest(0) -> leaf;
nest(N) -> {N, nest(N - 1)}.
