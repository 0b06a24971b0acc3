%% External funs (fun M:F/A), local funs (fun f/1), and erlang:make_fun/3.
-module(fun_mfa).
-export([main/0, double/1]).

double(X) -> X * 2.

main() ->
    Rev = fun lists:reverse/1,
    Dbl = fun ?MODULE:double/1,
    Loc = fun triple/1,
    Made = erlang:make_fun(lists, seq, 2),
    Dyn = fun erlang:element/2,
    M = lists, F = sum,
    Var = fun M:F/1,
    {Rev([1, 2, 3]), Dbl(21), Loc(5), Made(1, 4), Dyn(2, {a, b}), Var([1, 2, 3]),
     lists:map(fun erlang:abs/1, [-1, 2, -3]), lists:map(Dbl, [1, 2]),
     Rev =:= fun lists:reverse/1, Dbl == erlang:make_fun(?MODULE, double, 1),
     is_function(Made, 2), is_function(Rev, 2)}.

triple(X) -> X * 3.
