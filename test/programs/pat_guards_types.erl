%% Every type-test guard BIF, applied to one value of each type.
-module(pat_guards_types).
-export([main/0]).

main() ->
    Values = [42, 1 bsl 70, 1.5, foo, true, [], [1, 2], {a, b}, #{k => v},
              <<1, 2>>, <<1:3>>, self(), make_ref(), fun() -> ok end,
              fun lists:map/2],
    [{label(V), classify(V)} || V <- Values].

label(V) when is_pid(V) -> pid;
label(V) when is_reference(V) -> ref;
label(V) when is_function(V) -> fn;
label(V) -> V.

classify(V) ->
    [T || {T, true} <- [{atom, is_atom(V)}, {binary, is_binary(V)},
                        {bitstring, is_bitstring(V)}, {boolean, is_boolean(V)},
                        {float, is_float(V)}, {function, is_function(V)},
                        {function0, is_function(V, 0)}, {function2, is_function(V, 2)},
                        {integer, is_integer(V)}, {list, is_list(V)},
                        {map, is_map(V)}, {number, is_number(V)}, {pid, is_pid(V)},
                        {port, is_port(V)}, {reference, is_reference(V)},
                        {tuple, is_tuple(V)}, {g, g(V)}]].

%% The same tests in guard position, where they compile to test instructions.
g(V) when is_integer(V), V > 100 -> big_int;
g(V) when is_integer(V) -> int;
g(V) when is_float(V) -> flt;
g(V) when is_boolean(V) -> bool;
g(V) when is_atom(V) -> atm;
g(V) when is_binary(V) -> bin;
g(V) when is_bitstring(V) -> bits;
g(V) when is_list(V), V =/= [] -> cons;
g(V) when is_list(V) -> nil;
g(V) when is_tuple(V), tuple_size(V) =:= 2 -> pair;
g(V) when is_map(V) -> map;
g(V) when is_function(V, 0) -> fun0;
g(V) when is_function(V) -> funn;
g(V) when is_pid(V) -> pid;
g(V) when is_reference(V) -> ref;
g(_) -> other.
