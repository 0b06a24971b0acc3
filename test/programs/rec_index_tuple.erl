%% Records are tuples: #rec.field indices, element/setelement, lists:keyfind by record field.
-module(rec_index_tuple).
-export([main/0]).

-record(item, {sku, qty = 0, price}).

main() ->
    Items = [#item{sku = a, qty = 2, price = 10}, #item{sku = b, price = 3},
             #item{sku = c, qty = 7, price = 1}],
    {#item.sku, #item.qty, #item.price,
     tuple_to_list(hd(Items)),
     element(#item.price, lists:last(Items)),
     setelement(#item.qty, hd(Items), 99),
     lists:keyfind(b, #item.sku, Items),
     lists:keysort(#item.qty, Items),
     [S || #item{sku = S, qty = Q} <- Items, Q > 0],
     lists:sum([Q * P || #item{qty = Q, price = P} <- Items])}.
