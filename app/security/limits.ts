import type { Config } from '../config.ts';
import type { Limit } from './throttle.ts';

/** The limits in force, from the configuration (README "Security"). */
export function limitsFrom(config: Config) {
  const login = config.loginWindowMinutes * 60_000;
  return {
    /** Failed logins from one client address, whatever the usernames (a flood of guesses). */
    loginAddress: {
      bucket: 'login.address',
      max: config.loginMaxFailuresPerAddress,
      windowMs: login,
      message: (m) => `该地址登录失败次数过多，请 ${m} 分钟后再试`,
      busyMessage: '该地址同时进行的登录过多，请稍后再试',
      rememberRefusals: true,
    },
    /** Failed logins (and wrong current passwords) for one account, from any address: the account is locked. */
    loginAccount: {
      bucket: 'login.account',
      max: config.loginMaxFailures,
      windowMs: login,
      message: (m) => `登录失败次数过多，账号暂时锁定，请 ${m} 分钟后再试`,
      busyMessage: '该账号同时进行的登录过多，请稍后再试',
    },
    /**
     * Wrong current passwords given by one session (POST /api/auth/password), keyed by its token: the signed-in user
     * changes the password while strangers' guesses hold the account's login lockout (sec50 M1); a stolen token still
     * cannot try more than this.
     */
    passwordSession: {
      bucket: 'password.session',
      max: config.loginMaxFailures,
      windowMs: login,
      message: (m) => `当前密码错误次数过多，请 ${m} 分钟后再试`,
      busyMessage: '同时进行的密码修改过多，请稍后再试',
    },
    /** Documents generated per user (PDF rendering costs tens of milliseconds of CPU each). */
    documents: {
      bucket: 'work.documents',
      max: config.documentsPerMinute,
      windowMs: 60_000,
      message: () => '生成文书过于频繁，请稍后再试',
    },
    /** Statistical reports built (json, csv, xlsx, pdf) and case lists exported (xlsx), per user. */
    exports: {
      bucket: 'work.exports',
      max: config.exportsPerMinute,
      windowMs: 60_000,
      message: () => '导出过于频繁，请稍后再试',
    },
    /** Court packages assembled per user (every PDF of the case read, hashed and zipped). */
    courtPackages: {
      bucket: 'work.court-packages',
      max: config.courtPackagesPerMinute,
      windowMs: 60_000,
      message: () => '生成移送材料包过于频繁，请稍后再试',
    },
  } satisfies Record<string, Limit>;
}
export type Limits = ReturnType<typeof limitsFrom>;

/** The longest window of any limit: older attempts can be pruned. */
export const horizonMs = (l: Limits) => Math.max(...Object.values(l).map((x) => x.windowMs));
