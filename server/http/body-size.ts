import { type AppError, validationError } from '../../app/errors.ts';

/**
 * Most keys one object of a request body may have. No schema of the API has an object of more than ~40 fields, nor a
 * map (`names` of a holiday calendar) of more than a few hundred keys; a body of 60,000 unknown keys (an outside
 * security tester's finding) cost seconds of walking and a 4 MB answer naming each key.
 */
export const MAX_KEYS_PER_OBJECT = 1000;
/**
 * Most values (object members and array elements, at every depth) one request body may hold. The largest bodies the
 * API takes hold about ten thousand: a collective case of 500 applicants with an agent each, a table of 1,000 average
 * wages. Each value costs the text checks and the schema a walk (server/http/parse.ts).
 */
export const MAX_BODY_VALUES = 20_000;

/**
 * A 400 when a parsed body holds an object of too many keys (naming the object) or too many values in all (naming the
 * body), else null. Runs on the body as parsed, before any schema or text check walks it: one count, stopped at the
 * first limit passed, and no path built unless one is refused. Iterative (depth is checked later, parse.ts).
 */
export function bodySizeError(body: unknown): AppError | null {
  if (!body || typeof body !== 'object') return null;
  const stack: object[] = [body];
  let values = 0;
  while (stack.length) {
    const v = stack.pop() as object;
    const items: unknown[] = Array.isArray(v) ? v : Object.keys(v);
    if (items !== v && items.length > MAX_KEYS_PER_OBJECT) {
      return validationError([
        { path: pathTo(body, v), message: `字段过多：一个对象最多${MAX_KEYS_PER_OBJECT}个字段，收到${items.length}个` },
      ]);
    }
    values += items.length;
    if (values > MAX_BODY_VALUES) {
      return validationError([{ path: '', message: `请求体过于庞大：最多${MAX_BODY_VALUES}个值（字段与数组元素）` }]);
    }
    for (let i = 0; i < items.length; i++) {
      const x = items === v ? items[i] : (v as Record<string, unknown>)[items[i] as string];
      if (x && typeof x === 'object') stack.push(x);
    }
  }
  return null;
}

/** The path (`applicants.0.agents`) of `target` inside `root`; '' for the root itself. Only for a body refused. */
function pathTo(root: object, target: object): string {
  const stack: { v: object; path: string }[] = [{ v: root, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop() as { v: object; path: string };
    if (v === target) return path;
    for (const [k, x] of Object.entries(v)) if (x && typeof x === 'object') stack.push({ v: x, path: path ? `${path}.${k}` : k });
  }
  return '';
}
