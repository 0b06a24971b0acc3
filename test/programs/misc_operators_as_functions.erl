%% Operators called as erlang module functions (erlang:'+'/2 etc.) and via funs.
-module(misc_operators_as_functions).
-export([main/0]).

main() ->
    [erlang:'+'(1, 2), erlang:'-'(5), erlang:'*'(3, 4.0), erlang:'/'(1, 4), erlang:'div'(7, 2),
     erlang:'rem'(-7, 2), erlang:'band'(12, 10), erlang:'bor'(12, 10), erlang:'bxor'(12, 10),
     erlang:'bnot'(0), erlang:'bsl'(1, 10), erlang:'bsr'(1024, 3), erlang:'=='(1, 1.0),
     erlang:'=:='(1, 1.0), erlang:'/='(a, b), erlang:'=/='(1, 1), erlang:'<'(1, a),
     erlang:'=<'(2, 2), erlang:'>'(b, a), erlang:'>='([], {}), erlang:'not'(false),
     erlang:'and'(true, false), erlang:'or'(true, false), erlang:'xor'(true, true),
     erlang:'++'([1], [2]), erlang:'--'([1, 2], [1]), erlang:'!'(self(), msg),
     receive msg -> got end,
     lists:foldl(fun erlang:'*'/2, 1, lists:seq(1, 10)), lists:map(fun erlang:'-'/1, [1, -2])].
