%% Record default values, including expressions and the `_ = ` catch-all initialiser.
-module(rec_defaults).
-export([main/0]).

-record(cfg, {host = "localhost", port = 8000 + 80, opts = [verbose], timeout = infinity,
              tag}).
-record(all, {a, b, c = 3}).

main() ->
    {#cfg{}, #cfg{port = 1}, #cfg{opts = []}#cfg.opts,
     #all{_ = x}, #all{a = 1, _ = y}, #all{},
     record_info(fields, cfg), record_info(size, cfg), record_info(fields, all),
     #cfg.port, #all.c}.
