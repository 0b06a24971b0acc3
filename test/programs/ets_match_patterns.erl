%% ets:match/2, match_object/2 with '_', '$N' (repeated variables), nested tuples and lists; match specs that fail in the body give 'EXIT'.
-module(ets_match_patterns).
-export([main/0]).

main() ->
    T = ets:new(p, [ordered_set]),
    ets:insert(T, [{1, a, [1, 2]}, {2, b, [x]}, {3, 3, {3, 3}}, {4, a, []}, {5, {5}, "hello"}, {6, 6.0, 6}]),
    R = [ets:match(T, {'$1', a, '_'}),
         ets:match(T, {'$1', '$1', '_'}),
         ets:match(T, {'_', '$1', ['$2' | '_']}),
         ets:match(T, {'$1', '_', {'$2', '$2'}}),
         ets:match(T, {'_', '$2', '$1'}),
         ets:match(T, '$1'),
         ets:match(T, {'$1', 6, '_'}),
         ets:match_object(T, {'_', a, '_'}),
         ets:match_object(T, {'_', '_', [x]}),
         ets:match_object(T, {'$1', {'$1'}, '_'}),
         ets:match(T, {'$1', '$0', '_'}),
         ets:select(T, [{{'$1', '$2', '$3'}, [], [{hd, '$3'}]}]),
         ets:select(T, [{{'$1', '$2', '$3'}, [{hd, '$3'}], [{{'$1', {hd, '$3'}}}]}]),
         ets:select(T, [{{'$1', '_', '_'}, [{'>', '$1', 4}], [[{'+', '$1', 1}, '$_' | tail]]}]),
         ets:select(T, [{{'$1', '_', '_'}, [{'<', '$1', 3}], [#{k => '$1'}]}]),
         ets:select(T, [{{'$1', a, '_'}, [], [first]}, {{'$1', '_', '_'}, [{'<', '$1', 3}], [second]}]),
         ets:select(T, [{{'$1', '_', '_'}, [{'==', '$1', {const, 3}}], [{const, {x, '$1'}}]}]),
         ets:select(T, [{{'$1', '_', '_'}, [{'or', {'>', '$1', 5}, {'<', '$1', 2}}], [{'not', {'==', '$1', 1}}]}]),
         ets:select(T, [{{'$1', '_', '_'}, [{'xor', {'>', '$1', 3}, true}], [{self}]}]) =:= [self(), self(), self()]],
    ets:match_delete(T, {'_', a, '_'}),
    Left = ets:tab2list(T),
    ets:delete(T),
    {R, Left}.
