%% Records: construction, field access, matching in heads and cases.
-module(rec_build_match).
-export([main/0]).

-record(person, {name, age, email}).

main() ->
    P1 = #person{name = "Ann", age = 31, email = <<"ann@x">>},
    P2 = #person{name = "Bob"},
    People = [P1, P2, #person{age = 5}],
    {P1, P2, P1#person.name, P2#person.age,
     [describe(P) || P <- People],
     [N || #person{name = N} <- People, N =/= undefined],
     case P1 of #person{age = A} when A > 30 -> {over30, A}; _ -> young end}.

describe(#person{name = undefined}) -> anonymous;
describe(#person{name = Name, age = undefined}) -> {no_age, Name};
describe(#person{name = Name, age = Age}) -> {Name, Age}.
