import { afterAll, afterEach, expect } from 'vitest';
import { flushStats, takeViolations } from './contract-state.ts';

/**
 * Issue 14 item 3, made automatic: a response that does not match /openapi.json fails the test that received it
 * (checked in tests/helpers/contract.ts as the response ends); one received outside a test (beforeAll) fails the file.
 */
function fail(found: string[], when: string): void {
  if (!found.length) return;
  throw new Error(`${found.length} response(s) ${when} do not match /openapi.json:\n${found.map((f) => `  • ${f}`).join('\n')}`);
}

afterEach(() => fail(takeViolations(), 'in this test'));

afterAll(() => {
  const path = expect.getState().testPath ?? 'unknown';
  flushStats(path.replace(`${process.cwd()}/`, ''));
  fail(takeViolations(), 'outside a test (beforeAll/afterAll)');
});
