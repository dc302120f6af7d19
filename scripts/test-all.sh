#!/usr/bin/env bash
# The whole test suite (`npm test`): type-check, lint, unit tests, the API suite on SQLite and on a
# throwaway PostgreSQL, then the slow suite (server processes under faults, on both databases; it starts its own
# PostgreSQL clusters from PG_FAULT_PORT, default 55420). Ends with the line "N passed, N failed" that CI reads.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d /tmp/zc-results-XXXXXX)
status=0
extra_failed=0

step() { echo; echo "=== $* ==="; }

step "type-check (tsc --noEmit)"
if npx tsc --noEmit -p tsconfig.json; then echo "type-check ok"; else status=1; extra_failed=$((extra_failed + 1)); fi

step "lint and format (biome)"
if npx biome check .; then echo "lint ok"; else status=1; extra_failed=$((extra_failed + 1)); fi

step "unit tests + API tests + browser tests on SQLite"
TEST_DB=sqlite npx vitest run tests/unit tests/api tests/e2e --reporter=default --reporter=json --outputFile.json="$out/sqlite.json" || status=1

step "API tests on PostgreSQL"
if pg=$(bash scripts/pg-throwaway.sh start); then
  pgdir=${pg%% *}
  pgurl=${pg#* }
  TEST_DB=postgres TEST_PG_URL=$pgurl npx vitest run tests/api --reporter=default --reporter=json --outputFile.json="$out/postgres.json" || status=1
  bash scripts/pg-throwaway.sh stop "$pgdir"
else
  echo "could not start PostgreSQL"; status=1; extra_failed=$((extra_failed + 1))
fi

step "slow suite: several processes, faults, backup/restore (tests/slow, own throwaway PostgreSQL clusters)"
npx vitest run tests/slow --no-file-parallelism --reporter=default --reporter=json --outputFile.json="$out/slow.json" || status=1

step "summary"
node -e '
const fs = require("fs");
let p = 0, f = Number(process.argv[2]), s = 0;
for (const name of ["sqlite", "postgres", "slow"]) {
  const file = process.argv[1] + "/" + name + ".json";
  if (!fs.existsSync(file)) { console.log(name + ": no results"); f++; continue; }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  console.log(`${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped (${r.numTotalTestSuites} suites)`);
  p += r.numPassedTests; f += r.numFailedTests + (r.success ? 0 : (r.numFailedTests ? 0 : 1)); s += r.numPendingTests;
}
console.log(`${p} passed, ${f} failed` + (s ? `, ${s} skipped` : ""));
' "$out" "$extra_failed"
rm -rf "$out"
exit $status
