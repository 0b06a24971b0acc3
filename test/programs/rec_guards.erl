%% Record guards: is_record/2,3, record field tests in guards, element-based matching.
-module(rec_guards).
-export([main/0]).

-record(circle, {r}).
-record(rect, {w, h}).

main() ->
    Shapes = [#circle{r = 2}, #rect{w = 3, h = 4}, {circle, 1, extra}, {rect, 1},
              {other, 1}, #rect{w = 0, h = 0}, circle],
    [{kind(S), big(S), is_record(S, circle), is_record(S, rect, 3)} || S <- Shapes].

kind(S) when is_record(S, circle) -> circle;
kind(S) when is_record(S, rect), S#rect.w =:= S#rect.h -> square;
kind(S) when is_record(S, rect) -> rect;
kind(_) -> unknown.

big(S) when S#circle.r > 1 -> big_circle;
big(#rect{w = W, h = H}) when W * H > 10 -> big_rect;
big(_) -> small.
