/**
 * A reference table (minimum wages, …) as GET answered it, changed in a way no rule reads: its first row's source noted
 * as re-checked. A table saved exactly as it stands writes nothing — no version, no audit row (sec52 L1) — so a test
 * that needs a write sends this.
 */
export function resourced<T extends { source?: string }>(table: T[]): T[] {
  return table.map((r, i) => (i === 0 ? { ...r, source: `${r.source ?? '测试'}（重新核对）` } : r));
}
