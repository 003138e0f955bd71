#!/usr/bin/env bash
# The test command (npm test): makes sure Chromium is there, typechecks, lints, runs every vitest tier
# (unit, process, browser, slow) and ends with one line `tests: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "test: installing Debian chromium for the browser tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "test: chromium install failed"
  else
    echo "test: /usr/bin/chromium is missing; install Debian's chromium package (browser tests will fail)"
  fi
fi

# Issue 17: the replication tests start nats-server themselves (a 3-node JetStream cluster on loopback ports).
if ! command -v nats-server >/dev/null && [ ! -x /usr/sbin/nats-server ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "test: installing Debian nats-server for the replication tests"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nats-server >/dev/null) || echo "test: nats-server install failed"
  else
    echo "test: nats-server is missing; install Debian's nats-server package (replication tests will fail)"
  fi
fi

echo "test: typecheck"
npx tsc --noEmit -p .
typecheck=$?

echo "test: lint"
npm run --silent lint
lint=$?

report="$(mktemp -t aidstock-vitest-XXXXXX.json)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?

# Counts from the JSON report; a run that failed without a failed test (a file that did not load) counts as one.
# Prints one line per tier (from the file name suffix) and then the totals.
summary=$(node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  try {
    const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    passed = r.numPassedTests; failed = r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
    const tiers = new Map();
    for (const file of r.testResults) {
      const tier = /\.(process|browser|slow)\.test\.ts$/.exec(file.name)?.[1] ?? "unit";
      const t = tiers.get(tier) ?? { files: 0, passed: 0, failed: 0 };
      t.files++;
      for (const a of file.assertionResults) if (a.status === "passed") t.passed++; else if (a.status === "failed") t.failed++;
      tiers.set(tier, t);
    }
    for (const [tier, t] of tiers) console.error(`test: tier ${tier}: ${t.files} files, ${t.passed} passed, ${t.failed} failed`);
  } catch { failed = 1; }
  process.stdout.write(`${passed} ${failed}`);
' "$report")
rm -f "$report"
read -r passed failed <<<"$summary"
if [ "$typecheck" -ne 0 ]; then failed=$((failed + 1)); echo "test: typecheck failed"; fi
if [ "$lint" -ne 0 ]; then failed=$((failed + 1)); echo "test: lint failed"; fi
echo "tests: ${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$typecheck" -eq 0 ] && [ "$lint" -eq 0 ]
