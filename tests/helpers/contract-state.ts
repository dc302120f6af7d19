import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the response contract check (tests/helpers/contract.ts) found in this test process: violations not yet
 * reported, the number of responses checked, and the (operation, status) pairs seen. Kept on globalThis, so the
 * setup file and the test file share it whatever module instances they load.
 */
export interface ContractState {
  violations: string[];
  checks: number;
  pairs: Set<string>;
  figures: { operations: number; statuses: number } | null;
}
const KEY = Symbol.for('zhongcai.contract');
const g = globalThis as unknown as Record<symbol, ContractState | undefined>;

export function contractState(): ContractState {
  g[KEY] ??= { violations: [], checks: 0, pairs: new Set(), figures: null };
  return g[KEY];
}

/** Violations since the last call (and clears them). */
export function takeViolations(): string[] {
  const s = contractState();
  return s.violations.splice(0, s.violations.length);
}

/** Appends this file's figures to CONTRACT_STATS_DIR/stats.jsonl (summed by scripts/contract-figures.mjs). */
export function flushStats(file: string): void {
  const dir = process.env.CONTRACT_STATS_DIR;
  const s = contractState();
  if (!dir || s.checks === 0) return;
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'stats.jsonl'), `${JSON.stringify({ file, checks: s.checks, pairs: [...s.pairs], ...s.figures })}\n`);
  s.checks = 0;
  s.pairs.clear();
}
