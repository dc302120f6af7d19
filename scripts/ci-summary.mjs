// The end of `npm test` (scripts/test-all.sh): the results of each leg, the figures of the response contract check
// (issue 14: operations and documented statuses in /openapi.json, responses checked, (operation, status) pairs seen),
// the tests that failed (leg, file, name, the first line of the message), and last, alone on its line,
// "N passed, N failed[, N skipped]" — the line CI reads.
// Usage: node scripts/ci-summary.mjs <results dir> <failed steps> <leg>...
import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const [dir, extraFailed, ...legs] = process.argv.slice(2);
let passed = 0;
let failed = Number(extraFailed ?? 0);
let skipped = 0;
const failures = [];
// Steps before the tests that failed (scripts/test-all.sh names them: type-check, lint, …), each counted as one.
for (const step of (process.env.ZC_FAILED_STEPS ?? '').split(';').filter(Boolean)) failures.push(`step: ${step} (see its output above)`);
// The first line of a failure message, without terminal colours, cut to a readable length.
const firstLine = (text) =>
  stripVTControlCharacters(String(text ?? ''))
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean)
    ?.slice(0, 300) || '(no message in the JSON report: a hook of a suite failed; see the output above)';

for (const leg of legs) {
  const file = path.join(dir, `${leg}.json`);
  if (!fs.existsSync(file)) {
    console.log(`${leg}: no results`);
    failures.push(`${leg}: no results (the leg did not finish; see its output above)`);
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
  for (const file of r.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name ?? '');
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failedTests) {
      failures.push(`${leg}: ${where} > ${t.fullName ?? t.title}\n    ${firstLine(t.failureMessages?.[0])}`);
    }
    // A file that failed beyond its failed tests: an error while loading it or in a hook (its message, when the report
    // has one). Errors outside any test (an unhandled rejection) are not in vitest's JSON report: the leg's exit
    // status fails the run, and its output above names them.
    if (file.status === 'failed' && (failedTests.length === 0 || file.message)) {
      failures.push(`${leg}: ${where}\n    ${firstLine(file.message)}`);
    }
  }
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
// Last before the closing line, so that a short excerpt of the output still names what failed.
if (failures.length) {
  console.log(`failed (${failures.length}):`);
  for (const f of failures) console.log(`  ${f}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
