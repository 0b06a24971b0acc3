#!/usr/bin/env bash
# The README's demo: set up, then compile examples/ring/ring.erl (erlc, then
# beamjs) and run it: a ring of processes passing a token, printing with io:format.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node dist/cli/index.js run examples/ring/ring.erl
