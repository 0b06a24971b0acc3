%% The process dictionary: put/get/erase/get_keys, and its isolation between processes.
-module(proc_dict).
-export([main/0]).

main() ->
    A = put(counter, 1),
    B = put(counter, 2),
    C = get(counter),
    D = get(missing),
    put({complex, key}, [1, 2]),
    put("string key", value),
    put(other, 2),
    E = lists:sort(get_keys()),
    F = lists:sort(get_keys(2)),
    G = lists:sort(get()),
    H = erase(counter),
    I = erase(counter),
    Self = self(),
    spawn(fun() -> Self ! {child_sees, get(other), get()} end),
    J = receive {child_sees, V, All} -> {V, All} end,
    [put(N, N * N) || N <- lists:seq(1, 1000)],
    K = lists:sum([get(N) || N <- lists:seq(1, 1000)]),
    L = length(erase()),
    M = get(),
    {A, B, C, D, E, F, G, H, I, J, K, L, M}.
