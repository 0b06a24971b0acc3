%% Deep body recursion with many values live across each call: the native
%% JS stack must hold a full reduction budget of such frames.
-module(cg_depth).
-export([t_wide/0, t_narrow/0, wide/2]).

t_narrow() -> narrow(1000000).
narrow(0) -> 0;
narrow(N) -> 1 + narrow(N - 1).

t_wide() -> wide(100000, 1).
wide(0, _) -> 0;
wide(N, K) ->
  A = K + 1, B = A + 1, C = B + 1, D = C + 1, E = D + 1, F = E + 1, G = F + 1, H = G + 1,
  I = H + 1, J = I + 1, L = J + 1, M = L + 1, O = M + 1, P = O + 1, Q = P + 1, R = Q + 1,
  S = wide(N - 1, K),
  S + A + B + C + D + E + F + G + H + I + J + L + M + O + P + Q + R - 152 - 16 * K.
