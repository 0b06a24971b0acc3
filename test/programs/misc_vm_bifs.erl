%% The erlang BIFs of facilities a node without distribution, ports or a
%% tracer lacks: monitor_node raises notalive, nodes/2 is empty, the
%% sequential trace token of the calling process, trace queries, port data,
%% code-loading internals, statistics/1 shapes.
-module(misc_vm_bifs).
-export([main/0]).

r(F) -> try F() of V -> {ok, V} catch C:R -> {C, R} end.

main() ->
    Seq = [erlang:seq_trace_info(label), erlang:seq_trace_info(send), erlang:seq_trace_print("x"),
           erlang:seq_trace(send, true), erlang:seq_trace_info(send), erlang:seq_trace_info(label),
           erlang:seq_trace(label, 5), erlang:seq_trace(label, 6), erlang:seq_trace_info(serial),
           erlang:seq_trace_print(6, "x"), erlang:seq_trace_print(5, "x"), erlang:seq_trace(send, false)],
    Ref = erlang:trace_delivered(all),
    Delivered = receive {trace_delivered, all, Ref} -> yes after 1000 -> no end,
    {Seq, Delivered,
     [r(fun() -> monitor_node(foo@bar, true) end), r(fun() -> monitor_node(foo@bar, false) end),
      r(fun() -> erlang:nodes(visible, #{}) end), r(fun() -> erlang:trace_info(self(), flags) end),
      r(fun() -> erlang:trace_info({lists, sort, 1}, traced) end), r(fun() -> erlang:resume_process(self()) end),
      r(fun() -> erlang:port_get_data(foo) end), r(fun() -> erlang:spawn_request_abandon(make_ref()) end),
      r(fun() -> erlang:dt_append_vm_tag_data(<<"x">>) end), r(fun() -> erlang:dt_prepend_vm_tag_data(<<"y">>) end),
      r(fun() -> erlang:has_prepared_code_on_load(foo) end), r(fun() -> erlang:finish_loading([]) end),
      r(fun() -> erlang:setnode(foo@bar, 1) end), r(fun() -> erlang:dist_get_stat(self()) end),
      r(fun() -> erlang:system_monitor() end)],
     [case statistics(S) of {A, B} when is_integer(A), is_integer(B) -> pair; X -> X end
      || S <- [wall_clock, runtime, reductions, exact_reductions]],
     r(fun() -> statistics(no_such_item) end)}.
