%% The module otp_cover measures with cover.
-module(otp_cover_lib).
-export([classify/1]).

classify(X) when X > 0 -> positive;
classify(0) -> zero;
classify(_) -> negative.
