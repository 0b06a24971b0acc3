%% EUnit, as a project's test run uses it: eunit:test/2 with verbose output on a module
%% of plain tests, generators, fixtures (setup, foreach, spawn, timeout), failing
%% assertions with their reports, a crashing test and captured output.
-module(otp_eunit).
-include_lib("eunit/include/eunit.hrl").
-export([main/0]).

add(A, B) -> A + B.

add_test() -> ?assertEqual(4, add(2, 2)).
fail_test() -> ?assertEqual(5, add(2, 2)).
raise_test() -> ?assertError(badarith, add(a, 1)).
match_test() -> ?assertMatch({ok, _}, {ok, 1}).
nomatch_test() -> ?assertMatch({error, _}, {ok, 1}).
throw_test() -> ?assertThrow(x, throw(x)).
gen_test_() -> [?_assert(is_integer(N)) || N <- [1, 2, 3]].
setup_test_() ->
    {setup, fun() -> ets:new(otp_eunit_t, [named_table, public]) end, fun(_) -> ets:delete(otp_eunit_t) end,
     fun(_) -> [?_assertEqual(true, ets:insert(otp_eunit_t, {a, 1})),
                ?_assertEqual([{a, 1}], ets:lookup(otp_eunit_t, a))] end}.
timeout_test_() -> {timeout, 5, fun() -> timer:sleep(10) end}.
spawn_test_() -> {spawn, fun() -> ?assert(is_pid(self())) end}.
foreach_test_() -> {foreach, fun() -> 1 end, fun(_) -> ok end, [fun(X) -> ?_assertEqual(1, X) end]}.
crash_test() -> erlang:error(boom).
output_test() -> io:format("printed~n").

main() ->
    io:format("result: ~p~n", [eunit:test(?MODULE, [verbose])]).
