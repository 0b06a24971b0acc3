%% math's error reasons: badarg for non-numbers, badarith for domain errors and overflow.
-module(math_errors).
-export([main/0, id/1]).

id(X) -> X.

t(F) -> try F() of V when is_float(V) -> float; V -> V catch C:R -> {C, R} end.

main() ->
    A = ?MODULE:id(atom),
    Big = ?MODULE:id(1 bsl 2000),
    [t(fun() -> math:log(?MODULE:id(0)) end),
     t(fun() -> math:log(?MODULE:id(-1.0)) end),
     t(fun() -> math:sqrt(?MODULE:id(-1)) end),
     t(fun() -> math:sqrt(?MODULE:id(-0.0)) end),
     t(fun() -> math:pow(?MODULE:id(10), 400) end),
     t(fun() -> math:pow(?MODULE:id(-8), 1/3) end),
     t(fun() -> math:pow(?MODULE:id(0), -1) end),
     t(fun() -> math:exp(?MODULE:id(1000)) end),
     t(fun() -> math:asin(?MODULE:id(2)) end),
     t(fun() -> math:acosh(?MODULE:id(0.5)) end),
     t(fun() -> math:atanh(?MODULE:id(1)) end),
     t(fun() -> math:fmod(?MODULE:id(1), 0) end),
     t(fun() -> math:sin(A) end),
     t(fun() -> math:sin(Big) end),
     t(fun() -> math:atan2(Big, A) end),
     t(fun() -> math:atan2(1, A) end),
     t(fun() -> math:cosh(?MODULE:id(800)) end),
     t(fun() -> math:floor(?MODULE:id(-0.5)) end),
     t(fun() -> math:ceil(?MODULE:id(-0.5)) end),
     t(fun() -> math:floor(?MODULE:id(7)) end),
     t(fun() -> math:log2(?MODULE:id(1 bsl 1000)) end),
     t(fun() -> math:erf(?MODULE:id([])) end),
     t(fun() -> math:tau() end)].
