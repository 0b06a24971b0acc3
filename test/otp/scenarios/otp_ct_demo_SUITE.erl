%% A Common Test suite that otp_common_test runs with ct:run_test/1.
-module(otp_ct_demo_SUITE).
-include_lib("common_test/include/ct.hrl").
-export([all/0, groups/0, init_per_suite/1, end_per_suite/1, init_per_testcase/2, end_per_testcase/2]).
-export([t_ok/1, t_fail/1, t_skip/1, t_config/1, t_group_a/1, t_group_b/1]).

all() -> [t_ok, t_fail, t_skip, t_config, {group, g}].
groups() -> [{g, [sequence], [t_group_a, t_group_b]}].
init_per_suite(C) -> [{suite_value, 42} | C].
end_per_suite(_) -> ok.
init_per_testcase(_, C) -> C.
end_per_testcase(_, _) -> ok.
t_ok(_) -> 3 = 1 + 2.
t_fail(_) -> 3 = id(1) + 1.
t_skip(_) -> {skip, "not today"}.
t_config(C) -> 42 = ?config(suite_value, C), ct:log("logged ~p", [x]).
t_group_a(_) -> ok.
t_group_b(_) -> timer:sleep(5).

id(X) -> X.
