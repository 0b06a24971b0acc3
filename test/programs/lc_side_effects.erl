%% Evaluation order of comprehension elements observed through messages to self.
-module(lc_side_effects).
-export([main/0]).

main() ->
    Self = self(),
    R = [begin Self ! {elem, X, Y}, X * Y end || X <- [1, 2], begin Self ! {filter, X}, true end,
                                                 Y <- [10, 20]],
    B = << <<(begin Self ! {bin, X}, X end)>> || X <- [3, 4] >>,
    {R, B, drain()}.

drain() -> receive M -> [M | drain()] after 0 -> [] end.
