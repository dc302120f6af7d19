// The end of `npm test` (scripts/test-all.sh): the results of each leg, the figures of the response contract check
// (issue 14: operations and documented statuses in /openapi.json, responses checked, (operation, status) pairs seen),
// and last, alone on its line, "N passed, N failed[, N skipped]" — the line CI reads.
// Usage: node scripts/ci-summary.mjs <results dir> <failed steps> <leg>...
import fs from 'node:fs';
import path from 'node:path';

const [dir, extraFailed, ...legs] = process.argv.slice(2);
let passed = 0;
let failed = Number(extraFailed ?? 0);
let skipped = 0;

for (const leg of legs) {
  const file = path.join(dir, `${leg}.json`);
  if (!fs.existsSync(file)) {
    console.log(`${leg}: no results`);
    failed++;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  console.log(
    `${leg}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped (${r.numTotalTestSuites} suites)`,
  );
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.success ? 0 : r.numFailedTests ? 0 : 1);
  skipped += r.numPendingTests;
}

// Response contract figures: one JSON line per test file (tests/helpers/contract-state.ts).
let document = null;
const seen = new Set();
for (const leg of legs) {
  const file = path.join(dir, `contract-${leg}`, 'stats.jsonl');
  if (!fs.existsSync(file)) continue;
  let checks = 0;
  const pairs = new Set();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const s = JSON.parse(line);
    checks += s.checks;
    for (const p of s.pairs) pairs.add(p);
    if (s.operations) document = { operations: s.operations, statuses: s.statuses };
    for (const p of s.pairs) seen.add(p);
  }
  console.log(`${leg}: ${checks} responses checked against /openapi.json, ${pairs.size} (operation, status) pairs seen`);
}
if (document) {
  console.log(
    `/openapi.json: ${document.operations} operations, ${document.statuses} documented (operation, status) pairs; ${seen.size} of them answered in the tests`,
  );
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
