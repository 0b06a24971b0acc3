%% erlang:raise/3 re-raises with a chosen class; stack traces are captured but not returned.
-module(exc_raise).
-export([main/0]).

main() ->
    [{C, R, is_list(St)} || {C, R, St} <- [reraise(throw, t), reraise(error, e), reraise(exit, x)]]
        ++ [bad_raise(), class_change(), stack_shape()].

reraise(Class, Reason) ->
    try
        try erlang:raise(Class, Reason, []) catch C:R:St -> erlang:raise(C, R, St) end
    catch C2:R2:St2 -> {C2, R2, St2}
    end.

%% An invalid class makes raise/3 itself fail with badarg.
bad_raise() ->
    try erlang:raise(bogus, reason, []) catch C:R -> {bad_class, C, R} end.

class_change() ->
    try
        try throw(original) catch throw:R:St -> erlang:raise(error, {converted, R}, St) end
    catch C:R2 -> {C, R2}
    end.

stack_shape() ->
    try error(x) catch error:x:St -> {is_list(St), St =/= [], is_tuple(hd(St)), tuple_size(hd(St))} end.
