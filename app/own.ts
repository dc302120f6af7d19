/**
 * `map[key]` when `key` is one of the map's own keys, else undefined — never a member every object inherits
 * (`toString`, `constructor`, `__proto__`, `valueOf`, `hasOwnProperty` …): a lookup by a string from a request, a
 * configuration or a stored row. Plain `map[key]` answered a function for `/api/calculators/toString`, and a 500.
 */
export function own<V>(map: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
