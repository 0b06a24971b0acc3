#!/usr/bin/env bash
# The README's test command: set up, type-check, and run the whole test suite.
# Ends with one plain summary line ("tests: N passed, N failed") for CI logs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx tsc -p tsconfig.test.json
mkdir -p .cache
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.cache/vitest-report.json "$@" || status=$?
node -e '
  const fs = require("fs");
  try {
    const r = JSON.parse(fs.readFileSync(".cache/vitest-report.json", "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  } catch (e) {
    console.log("tests: no report (the test run did not finish)");
  }
'
exit $status
