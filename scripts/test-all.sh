#!/usr/bin/env bash
# The whole test suite from a fresh clone: setup, type check, unit tests, then integration tests against a
# real 3-broker Apache Kafka cluster that the suite starts and stops itself. Fails (never skips) when the
# cluster cannot be started or reached.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup-test.sh
npm run --silent lint
npm run --silent typecheck
mkdir -p .cache/test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.cache/test-results/vitest.json || status=$?
# A plain summary line that CI systems and people can read regardless of the runner.
node -e '
  const r = require("./.cache/test-results/vitest.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' || status=1
# Nothing the suite started may outlive it.
if pgrep -f '\.cache/moto-venv/bin/moto_server' >/dev/null 2>&1; then
  echo "test-all: a moto server is still running; stopping it" >&2
  pkill -f '\.cache/moto-venv/bin/moto_server' || true
  status=1
fi
if pgrep -f 'kafka\.Kafka .*/\.cache/it-cluster/' >/dev/null 2>&1; then
  echo "test-all: a Kafka broker of the test cluster is still running; stopping it" >&2
  node test/cluster/cluster.mjs stop --dir .cache/it-cluster >&2 || true
  status=1
fi
exit $status
