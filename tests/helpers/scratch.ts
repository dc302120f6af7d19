import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Folders a test file writes into the temporary directory, removed after the file (tests/helpers/scratch-setup.ts) —
// nothing is left behind, least of all a private signing key.

// Issue 17: a test run's commission signing key lives in the temporary directory, never in data/ — one folder per test
// process, shared by the in-process apps and the servers a test file spawns; the next file's first app makes a new key.
const keyDir = join(tmpdir(), `zc-test-keys-${process.pid}`);
export const testKeyPath = (): string => join(keyDir, 'commission-ed25519.pem');

const made: string[] = [];

/** A fresh folder under the temporary directory (mkdtemp), removed after the test file. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of [keyDir, ...made.splice(0)]) rmSync(dir, { recursive: true, force: true });
}
