%% Nested records: construction, deep access and deep update.
-module(rec_nested).
-export([main/0]).

-record(addr, {street, city = "Paris"}).
-record(user, {id, addr = #addr{}, tags = []}).
-record(db, {users = [], next = 1}).

main() ->
    Db0 = #db{},
    Db1 = add(add(add(Db0, "Rue A"), "Rue B"), "Main St"),
    Moved = [U#user{addr = (U#user.addr)#addr{city = "Lyon"}} || U <- Db1#db.users],
    Cities = [C || #user{addr = #addr{city = C}} <- Moved],
    Street2 = ((lists:nth(2, Db1#db.users))#user.addr)#addr.street,
    {Db1, Cities, Street2, Db1#db.next}.

add(#db{users = Us, next = N} = Db, Street) ->
    Db#db{users = Us ++ [#user{id = N, addr = #addr{street = Street}}], next = N + 1}.
