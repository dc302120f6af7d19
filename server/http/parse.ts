import type { Request } from 'express';
import type { z } from 'zod';
import { badRequest, type FieldError, validationError, zodFieldErrors } from '../../app/errors.ts';

// C0 control characters other than tab, line feed and carriage return (PostgreSQL refuses NUL in text).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Field errors for every string (or key) in the input that holds a control character. */
export function controlCharErrors(value: unknown, path: (string | number)[] = []): FieldError[] {
  if (typeof value === 'string') return CONTROL.test(value) ? [{ path: path.join('.'), message: '包含不允许的控制字符' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharErrors(v, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      CONTROL.test(k) ? [{ path: [...path, k].join('.'), message: '字段名包含控制字符' }] : controlCharErrors(v, [...path, k]),
    );
  }
  return [];
}

/** Parses a body or query with a zod schema; 400 naming every bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: (string | number)[] = []): z.infer<S> {
  if (value === undefined) value = {};
  const r = schema.safeParse(value);
  const errors = [...(r.success ? [] : zodFieldErrors(r.error, prefix)), ...controlCharErrors(value, prefix)];
  if (errors.length) throw validationError(errors);
  return r.data as z.infer<S>;
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
