%% case and if: clause selection, guards, variable export from clauses.
-module(pat_case_if).
-export([main/0]).

main() ->
    [classify(X) || X <- [-5, 0, 5, 50, 500, x, [1]]] ++ [exported(Y) || Y <- [1, 2]].

classify(X) ->
    Sign = if not is_number(X) -> nan;
              X < 0 -> neg;
              X =:= 0 -> zero;
              true -> pos
           end,
    Size = case X of
               N when is_integer(N), N >= 100 -> large;
               N when is_integer(N), N >= 10 -> medium;
               N when is_integer(N) -> small;
               A when is_atom(A) -> atom;
               _ -> other
           end,
    {X, Sign, Size}.

%% Variables bound in every clause are usable after the case.
exported(Y) ->
    case Y of
        1 -> Z = one, W = 10;
        _ -> Z = many, W = 20
    end,
    {Z, W}.
