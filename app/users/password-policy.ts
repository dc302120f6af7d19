import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';

/** At least 12 characters (api.md "Users and roles"); at most 200 (scrypt input stays bounded). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/**
 * zxcvbn score 0–4; 3 means "safely unguessable: moderate protection from an offline slow-hash scenario"
 * (≥ 10^8 guesses). Common passwords (the passwords-common list), repeats (aaaa…), sequences, keyboard walks and
 * variations of the username score lower.
 */
const MIN_SCORE = 3;

type Checker = { check(password: string, userInputs?: (string | number)[]): { score: number } };
let checker: Checker | null = null;
/** Built on first use: the dictionaries take a few megabytes and ~100 ms to load. */
function zxcvbn(): Checker {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
  }) as Checker;
  return checker;
}

/**
 * Why the password is not acceptable, or null. `userInputs` (username, display name) count as known words: a
 * password built from them is weak. Used for new users, password changes and resets, and ADMIN_PASSWORD.
 */
export function passwordWeakness(password: string, userInputs: string[] = []): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `密码至少${PASSWORD_MIN_LENGTH}个字符`;
  if (length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}个字符`;
  const inputs = [...userInputs, 'zhongcai', '仲裁'].filter((s) => s.length > 0);
  if (zxcvbn().check(password.slice(0, 100), inputs).score < MIN_SCORE) {
    return '密码过于常见或容易猜到（常用密码、重复或连续字符、键盘序列、与用户名相近），请使用更长、更不常见的密码';
  }
  return null;
}
