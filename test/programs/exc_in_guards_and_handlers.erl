%% Guards in catch clauses, exception patterns on the reason, and falling through all clauses.
-module(exc_in_guards_and_handlers).
-export([main/0]).

main() ->
    [h(R) || R <- [{code, 1}, {code, 500}, {msg, "text"}, unknown, 42]].

h(Reason) ->
    try
        try throw(Reason)
        catch
            throw:{code, C} when C >= 500 -> {server_error, C};
            throw:{code, C} -> {client_error, C};
            throw:{msg, M} when is_list(M) -> {message, length(M)};
            throw:N when is_integer(N), N > 100 -> big_number
        end
    catch
        throw:Other -> {unhandled, Other}
    end.
