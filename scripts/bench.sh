#!/usr/bin/env bash
# `npm run bench`: set up, then run every benchmark in bench/ and print the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node dist/bench/run.js "$@"
