%% andalso/orelse: short-circuiting, non-boolean right operands, use in guards and bodies.
-module(pat_andalso_orelse).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Self = self(),
    Effects = fun(Tag) -> Self ! Tag, true end,
    R1 = (?MODULE:id(false) andalso Effects(not_run_1)),
    R2 = (?MODULE:id(true) orelse Effects(not_run_2)),
    R3 = (?MODULE:id(true) andalso Effects(run_3)),
    R4 = (?MODULE:id(false) orelse Effects(run_4)),
    %% The right operand is not checked to be boolean: it is just returned.
    R5 = (?MODULE:id(true) andalso ?MODULE:id(not_a_bool)),
    R6 = (?MODULE:id(false) orelse ?MODULE:id({tuple})),
    R7 = try ?MODULE:id(maybe) andalso true catch C:E -> {C, E} end,
    R8 = try ?MODULE:id(3) orelse true catch C2:E2 -> {C2, E2} end,
    Gs = [g(X) || X <- [0, 5, 15, -3, a, [], {1}]],
    {[R1, R2, R3, R4, R5, R6, R7, R8], Gs, drain()}.

g(X) when is_integer(X) andalso X > 10 orelse is_atom(X) -> big_or_atom;
g(X) when (is_integer(X) andalso X > 0) andalso (X < 10) -> small_pos;
g(X) when not (is_integer(X) orelse is_list(X)) -> neither;
g(X) when X < 0 orelse (1 / X) > 0 -> neg_or_pos;
g(_) -> other.

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.
