import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { serviceUnavailable } from './errors.ts';

const scryptRaw = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/**
 * scrypt runs on libuv's thread pool (4 threads by default), the same pool sqlite3 runs every query on. Unbounded, a
 * login flood fills the pool with hashes and other users' reads wait behind them (measured: p90 12 s). At most
 * `concurrency` hashes run at once (default 1, PASSWORD_HASH_CONCURRENCY), the rest wait in a bounded queue; when the
 * queue is full the login is answered 503 with Retry-After at once instead of piling up.
 */
class HashGate {
  private running = 0;
  private waiting: (() => void)[] = [];
  constructor(
    public concurrency: number,
    public maxQueue: number,
    private readonly busy = '登录请求过多，请稍后再试',
  ) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw serviceUnavailable(this.busy, 2);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter (running stays the same), or is freed.
      if (next) next();
      else this.running--;
    }
  }
  get queued(): number {
    return this.waiting.length;
  }
}

const gate = new HashGate(1, 64);

/** Sets how many password hashes may run at once and how many may wait (app start, from the configuration). */
export function configurePasswordHashing(opts: { concurrency: number; maxQueue?: number }): void {
  gate.concurrency = Math.max(1, opts.concurrency);
  if (opts.maxQueue !== undefined) gate.maxQueue = Math.max(0, opts.maxQueue);
}

const scrypt = (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => gate.run(() => scryptRaw(pw, salt, len, opts));

// scrypt N=2^15, r=8, p=1 (~32 MiB, tens of ms): slow enough to make guessing costly.
const PARAMS = { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEYLEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return crypto.timingSafeEqual(key, expected);
}

/** A hash that never verifies, used to spend the same time on unknown usernames. */
export const DUMMY_HASH = `scrypt$32768$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`;

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/**
 * A secret (a password in a request body) as a slow, salted digest, so that a stored request fingerprint can tell two
 * secrets apart without becoming a fast hash one could guess the secret from: scrypt with the password hashes'
 * parameters, salted by `context` (deterministic: the same secret in the same context gives the same digest).
 */
export async function secretDigest(secret: string, context: string): Promise<string> {
  const salt = crypto.createHash('sha256').update(`secret-digest\n${context}`).digest().subarray(0, 16);
  // A gate of its own: digests never queue in front of logins (a flood of them answers 503 here, not at the login).
  return (await digestGate.run(() => scryptRaw(secret, salt, KEYLEN, PARAMS))).toString('base64');
}
const digestGate = new HashGate(1, 8, '含密码的请求过多，请稍后再试');

export function sha256(s: string): string {
  return crypto.createHash('sha256').update(s).digest('hex');
}
