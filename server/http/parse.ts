import type { Request } from 'express';
import { z } from 'zod';
import { badRequest, type FieldError, validationError, zodFieldErrors } from '../../app/errors.ts';
import { withoutInvisibles } from '../../workflows/identifiers.ts';

// C0 control characters other than tab, line feed and carriage return (PostgreSQL refuses NUL in text).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Unicode bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they make a name display as
// something else than it is (a reversed "exe", a case number that reads differently), in the UI, PDFs and exports.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

// Half of a surrogate pair with no other half: not a character at all. PostgreSQL and SQLite would store U+FFFD in its
// place, changing what was sent without saying so.
const LONE_SURROGATE = /\p{Cs}/u;
// U+FFFD, the replacement character: what a decoder writes where the bytes sent were not UTF-8 (a body in GBK sent as
// UTF-8, a name cut inside a character). Stored, a party's name would read "����" on a legal record; refused at its field.
const REPLACEMENT = /\uFFFD/;
// Text made only of characters that show nothing — format characters (zero-width space and joiners, invisible
// separators), combining marks with no base — and white space: a name or a claim that reads as blank everywhere.
const INVISIBLE = /[\p{Cf}\p{M}]/u;
const NOTHING_VISIBLE = /^[\p{Cf}\p{M}\p{White_Space}]+$/u;

/** Deepest nesting of objects and arrays a request may have; deeper → 400 (no schema of the API goes past ~6). */
export const MAX_INPUT_DEPTH = 32;

function textProblem(s: string, key: boolean): string | null {
  if (CONTROL.test(s)) return key ? '字段名包含控制字符' : '包含不允许的控制字符';
  if (BIDI.test(s)) return key ? '字段名包含双向文字控制字符' : '包含不允许的双向文字控制字符（U+202A–202E、U+2066–2069）';
  if (LONE_SURROGATE.test(s)) return key ? '字段名包含无效的字符' : '包含无效的字符（不成对的 UTF-16 代理项）';
  if (REPLACEMENT.test(s)) return key ? '字段名包含无法识别的字符' : '包含无法识别的字符（U+FFFD，多为编码错误：请以 UTF-8 发送）';
  if (INVISIBLE.test(s) && NOTHING_VISIBLE.test(s)) return key ? '字段名只含不可见字符' : '只含不可见的字符（如零宽空格），不能作为内容';
  return null;
}

/**
 * 400 when objects and arrays nest deeper than MAX_INPUT_DEPTH. Iterative (an explicit stack, breadth by level), so a
 * body of a million nested brackets costs one pass and no call stack; it runs before any schema or walk recurses.
 */
export function assertShallow(value: unknown, prefix: (string | number)[] = []): void {
  let level: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: prefix }];
  for (let depth = 0; level.length; depth++) {
    const next: typeof level = [];
    for (const { v, path } of level) {
      if (!v || typeof v !== 'object') continue;
      if (depth >= MAX_INPUT_DEPTH) throw validationError([{ path: path.join('.'), message: `嵌套层数超过${MAX_INPUT_DEPTH}层` }]);
      const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
      for (const [k, x] of entries) next.push({ v: x, path: [...path, k] });
    }
    level = next;
  }
}

/**
 * Field errors for every string (or key) in the input that holds a control or bidi override character. Iterative,
 * like `assertShallow`.
 */
export function controlCharErrors(value: unknown, path: (string | number)[] = []): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path }];
  while (stack.length) {
    const { v, path: at } = stack.pop() as { v: unknown; path: (string | number)[] };
    if (typeof v === 'string') {
      const p = textProblem(v, false);
      if (p) errors.push({ path: at.join('.'), message: p });
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i] as [string | number, unknown];
      const kp = typeof k === 'string' ? textProblem(k, true) : null;
      if (kp) errors.push({ path: [...at, k].join('.'), message: kp });
      else stack.push({ v: x, path: [...at, k] });
    }
  }
  return errors;
}

/**
 * The input with every string in it (not the keys) made `withoutInvisibles`: the default-ignorable code points — zero-
 * width space and joiners, soft hyphen, word joiner, BOM, Hangul fillers, variation selectors, tag characters … — show
 * nothing, so nothing is lost that was seen; left in, they split an identity number or a mobile typed into a name or
 * the facts so that no check and no masker read it (an outside security tester's finding), and `张\u200b三` would not be
 * found as 张三. Removed without a word: the text stored is the text shown. Line breaks and tabs stay; bidi controls
 * stay, to be refused (`controlCharErrors`). A script's own shaping characters stay between its letters: the
 * Mongolian free variation selectors and vowel separator U+180B–U+180F and ZWNJ/ZWJ between Mongolian letters, ZWNJ/ZWJ
 * between Arabic-script (Uyghur) letters — traditional Mongolian names are written with them (reviewer L5;
 * workflows/identifiers.ts `withoutInvisibles`); by a digit, Latin or Han they go like the rest. The cost, taken
 * knowingly: an emoji joined by U+200D shows as its parts, and an ideographic variation selector is dropped — its base
 * character kept. Names are not NFKC-normalised: that would rewrite CJK compatibility ideographs a name may be registered with
 * (a legal record keeps the name as on the identity card), and the checks and maskers already read full-width digits,
 * letters and separators as ASCII (workflows/identifiers.ts). Secrets (`password`, `currentPassword`, `newPassword`, a
 * token) are left as sent: a password set with such a character must still verify (reviewer). Iterative, like
 * `assertShallow`; the input is not changed.
 */
const SECRET_KEY = /password|secret|token/i;
export function withoutInvisibleText(value: unknown): unknown {
  if (typeof value === 'string') return withoutInvisibles(value);
  if (!value || typeof value !== 'object') return value;
  const root: unknown = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const stack: unknown[] = [root];
  while (stack.length) {
    const o = stack.pop() as Record<string | number, unknown>;
    for (const k of Object.keys(o)) {
      const v = o[k];
      // A secret is compared as it was set (a password holding an emoji's U+FE0F): never changed here.
      if (typeof v === 'string' && SECRET_KEY.test(k)) continue;
      if (typeof v === 'string') o[k] = withoutInvisibles(v);
      else if (v && typeof v === 'object') {
        const copy = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
        o[k] = copy;
        stack.push(copy);
      }
    }
  }
  return root;
}

/**
 * Errors of a text check (`controlCharErrors`, on the text as sent) and of the schema (on the text made
 * `withoutInvisibleText`): one per field — a field of invisible characters only is told so, not also that it is empty.
 */
export function mergedFieldErrors(textErrors: FieldError[], schemaErrors: FieldError[]): FieldError[] {
  const told = new Set(textErrors.map((e) => e.path));
  return [...schemaErrors.filter((e) => !told.has(e.path)), ...textErrors];
}

type Issue = z.core.$ZodIssue;
/** How far an issue's bound is from the value: the tighter of two bounds on one field is the one to name. */
const tightness = (i: Issue): number =>
  i.code === 'too_big' ? -Number(i.maximum) : i.code === 'too_small' ? Number(i.minimum) : Number.NEGATIVE_INFINITY;
/**
 * A union whose value fits one branch's shape but not its inner fields (outside checker sec57 L2: `"target": {"seq":
 * "2"}` of `"receivedOn" | {seq}` was told 「无效输入」 at `target`): that branch's own issues, each naming its field
 * (`target.seq`). Where no branch or several got past their top level, the union's one issue as zod gives it.
 * fixL58 #6: an object branch with a key it does not know got past its top level too (its shape fits): the unknown key is
 * named with its path (`target.foo`), not told 「无效输入」 at `target`.
 */
function unionBranchIssues(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || !Array.isArray(issue.errors)) return [issue];
  const inner = issue.errors.filter((branch) => branch.length && branch.every((i) => i.path.length > 0 || i.code === 'unrecognized_keys'));
  if (inner.length !== 1) return [issue];
  return (inner[0] as Issue[]).map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue).flatMap(unionBranchIssues);
}

/**
 * One issue per field (outside tester sec47 L3: `1e308` for a number of at most 500 was told both "≤9007199254740991",
 * zod's safe-integer bound of `int()`, and "≤500"): of two bounds the tighter one, else the first. Unknown keys each
 * name their own field, kept all.
 */
export function onePerField(error: z.ZodError): z.ZodError {
  const chosen = new Map<string, Issue>();
  const kept: Issue[] = [];
  for (const issue of error.issues.flatMap(unionBranchIssues)) {
    if (issue.code === 'unrecognized_keys') {
      kept.push(issue);
      continue;
    }
    const key = JSON.stringify(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
    const had = chosen.get(key);
    if (!had) {
      chosen.set(key, issue);
      kept.push(issue);
    } else if (had.code === issue.code && tightness(issue) > tightness(had)) {
      kept[kept.indexOf(had)] = issue;
      chosen.set(key, issue);
    }
  }
  return { issues: kept } as unknown as z.ZodError;
}

/** Parses a body or query with a zod schema, its text made `withoutInvisibleText` first; 400 naming every bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: (string | number)[] = []): z.infer<S> {
  if (value === undefined) value = {};
  assertShallow(value, prefix);
  const r = schema.safeParse(withoutInvisibleText(value));
  const errors = mergedFieldErrors(controlCharErrors(value, prefix), r.success ? [] : zodFieldErrors(onePerField(r.error), prefix));
  if (errors.length) throw validationError(errors);
  return r.data as z.infer<S>;
}

/**
 * The body of an operation that takes none (logout, logout-all): absent or `{}`; any field → 400 naming it, anything
 * else than an object → 400, before the operation does anything (sec51 L2: `{"x":1}` ended the tokens). As every
 * other route refuses an unknown field.
 */
const NO_FIELDS = z.strictObject({});
export function noBody(raw: unknown): undefined {
  if (raw !== undefined) parse(NO_FIELDS, raw);
  return undefined;
}

/** `If-Match: 3`, `"3"` or `W/"3"` → 3; absent → undefined; anything else → 400. */
export function ifMatch(req: Request): number | undefined {
  const raw = req.get('if-match');
  if (raw === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) throw badRequest('If-Match 应为案件的版本号，例如 If-Match: 3', [{ path: 'If-Match', message: '无效的版本号' }]);
  return Number(m[1]);
}

/** `Idempotency-Key`: 1–200 visible ASCII characters, or absent. */
export function idempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw badRequest('Idempotency-Key 应为1–200个可见ASCII字符', [{ path: 'Idempotency-Key', message: '无效' }]);
  }
  return key;
}
