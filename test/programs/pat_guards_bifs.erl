%% Non-type guard BIFs: element, hd, tl, length, sizes, map access, binary_part, node, self.
-module(pat_guards_bifs).
-export([main/0]).

main() ->
    Inputs = [{a, b, c}, [1, 2, 3], [x], <<"hello">>, <<1:12>>, #{a => 1, b => 2},
              #{z => 0}, "", {}, 17],
    [classify(I) || I <- Inputs] ++ [self_check(self()), node_check()].

classify(T) when tuple_size(T) =:= 3, element(2, T) =:= b -> {tuple3, element(3, T)};
classify(T) when size(T) =:= 0 -> empty_tuple;
classify(L) when length(L) > 2, hd(L) =:= 1 -> {list3, tl(L)};
classify(L) when length(L) =:= 1 -> {singleton, hd(L)};
classify(B) when byte_size(B) =:= 5, binary_part(B, 1, 3) =:= <<"ell">> -> {hello, size(B)};
classify(B) when bit_size(B) =:= 12 -> {bits12, byte_size(B)};
classify(M) when map_size(M) =:= 2, map_get(a, M) =:= 1 -> {map2, is_map_key(b, M)};
classify(M) when is_map_key(z, M) -> {hasz, map_get(z, M)};
classify(L) when L =:= [] -> nil;
classify(X) -> {other, X}.

self_check(P) when P =:= self() -> self_ok;
self_check(_) -> self_bad.

node_check() when node() =:= node(), is_atom(node()) -> node_ok;
node_check() -> node_bad.
