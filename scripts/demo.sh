#!/usr/bin/env bash
# The README's demo: set up, then compile examples/pool/pool.erl (erlc, then
# beamjs) and run it: a supervised worker pool (supervisor, gen_servers, a
# worker that crashes and is restarted), printing its progress with io:format.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node dist/cli/index.js run examples/pool/pool.erl
