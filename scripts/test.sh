#!/usr/bin/env bash
# The test command (npm test): makes sure Chromium is there, typechecks, runs every vitest suite,
# and ends with one line `tests: N passed, N failed`.
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

echo "test: typecheck"
npx tsc --noEmit -p .
typecheck=$?

report="$(mktemp -t aidstock-vitest-XXXXXX.json)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?

summary=$(node -e '
  const fs = require("fs");
  let passed = 0, failed = 0;
  try {
    const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    passed = r.numPassedTests; failed = r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
  } catch { failed = 1; }
  process.stdout.write(`${passed} ${failed}`);
' "$report")
rm -f "$report"
read -r passed failed <<<"$summary"
if [ "$typecheck" -ne 0 ]; then failed=$((failed + 1)); echo "test: typecheck failed"; fi
echo "tests: ${passed} passed, ${failed} failed"
[ "$status" -eq 0 ] && [ "$typecheck" -eq 0 ]
