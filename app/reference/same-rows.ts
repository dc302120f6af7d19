/**
 * Whether a whole-table replacement would store what is stored already: the same rows, in any order, every field
 * equal. Keys are compared in a fixed order, so rows read from the database and rows built from a request compare alike.
 */
export function sameRows<T extends object>(stored: T[], next: T[]): boolean {
  if (stored.length !== next.length) return false;
  const canon = (r: T) =>
    JSON.stringify(
      Object.entries(r)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  const a = stored.map(canon).sort();
  const b = next.map(canon).sort();
  return a.every((x, i) => x === b[i]);
}
