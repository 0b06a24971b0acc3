#!/usr/bin/env bash
# The README's demo: set up, compile the example Erlang program with erlc, and show
# what beamjs reads from it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
out=.cache/demo
mkdir -p "$out"
erlc -o "$out" examples/ring/ring.erl
node dist/cli/index.js disasm "$out/ring.beam"
