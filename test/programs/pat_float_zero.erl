%% Signed zero under OTP 25: 0.0 and -0.0 compare equal, even exactly, and match each other.
-module(pat_float_zero).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Z = ?MODULE:id(0.0), N = ?MODULE:id(-0.0),
    {Z == N, Z =:= N, Z < N, N < Z, match(N), match(Z),
     <<N/float>>, <<Z/float>>, 0.0 * -1, -0.0 + 0.0, N * N,
     float_to_list(N, [{decimals, 2}]), lists:sort([N, Z, 0, -0.0])}.

match(0.0) -> zero_pattern;
match(_) -> no.
