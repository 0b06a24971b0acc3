%% process_flag(monitor_nodes, Bool) and {monitor_nodes, Opts}: subscription counts per kind
%% of options (true adds one, false drops all of that kind), net_kernel:monitor_nodes/1,2
%% on a node without distribution (cover's server calls it), bad values.
-module(process_monitor_nodes).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    [process_flag(monitor_nodes, true), process_flag(monitor_nodes, true),
     process_flag(monitor_nodes, false), process_flag(monitor_nodes, false),
     process_flag({monitor_nodes, #{}}, true), process_flag({monitor_nodes, #{node_type => all}}, true),
     process_flag({monitor_nodes, #{}}, false),
     try process_flag(monitor_nodes, ?MODULE:id(x)) catch error:R -> {error, R} end,
     net_kernel:monitor_nodes(true), net_kernel:monitor_nodes(true, [nodedown_reason]),
     net_kernel:monitor_nodes(false),
     receive M -> M after 50 -> no_message end].
