%% Fun equality and ordering: external funs compare by MFA; local funs by identity and env.
-module(fun_equality).
-export([main/0]).

main() ->
    A = fun lists:sort/1,
    B = fun lists:sort/1,
    C = fun lists:sort/2,
    F1 = make(1), F2 = make(1), F3 = make(2),
    G = fun() -> ok end,
    Env = [{F1 =:= F2, F1 == F2, F1 =:= F3}],
    {A =:= B, A =:= C, A < C, Env, G =:= G, F1(0), F3(0),
     lists:usort([A, B, C]) =:= [A, C], is_function(F1, 1),
     %% Term order: number < atom < reference < fun < port < pid < tuple < map < nil < list < bitstring.
     [L || {_, L} <- lists:sort([{self(), pid}, {make_ref(), ref}, {a, atom}, {G, fn}, {1, num},
                                 {#{}, map}, {[], nil}, {{}, tuple}, {<<>>, bin}, {[x], list}])]}.

make(N) -> fun(X) -> X + N end.
