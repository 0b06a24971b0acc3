%% Appending to a binary that is shared must not change the other sharers: several
%% appends to the same base, appends after taking sub-binaries, and binaries sent to
%% another process before the sender appends again.
-module(bin_append_sharing).
-export([main/0]).

main() ->
    A = <<1, 2, 3>>,
    B = <<A/binary, 4>>,
    C = <<A/binary, 5>>,
    D = <<B/binary, 6>>,
    E = <<B/binary, 7>>,
    <<_, Sub:2/binary, _/binary>> = D,
    F = <<Sub/binary, 8>>,
    Loop = grow(<<>>, 0, []),
    Self = self(),
    Base = <<"shared">>,
    Grown = <<Base/binary, "-mine">>,
    P = spawn(fun() -> receive {bin, X} -> Self ! {echo, <<X/binary, "-theirs">>} end end),
    P ! {bin, Grown},
    Mine = <<Grown/binary, "-again">>,
    Theirs = receive {echo, T} -> T end,
    Bits = <<1:3>>, G = <<Bits/bits, 1:1>>, H = <<Bits/bits, 0:5>>,
    {A, B, C, D, E, Sub, F, Loop, Base, Grown, Mine, Theirs, Bits, G, H}.

%% Keep every intermediate accumulator: each must still hold its own prefix.
grow(Acc, 5, Kept) -> lists:reverse([Acc | Kept]);
grow(Acc, N, Kept) -> grow(<<Acc/binary, N>>, N + 1, [Acc | Kept]).
