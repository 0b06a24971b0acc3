#!/usr/bin/env bash
# The README's test command: set up, type-check, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc -p tsconfig.test.json
npx vitest run "$@"
