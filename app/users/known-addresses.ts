import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';

/**
 * The addresses an account signed in from (outside tester s45 M2: five wrong passwords from anywhere locked any
 * account, the admin's too, for as long as the guesses went on). An address from which the account signed in within
 * LOGIN_KNOWN_ADDRESS_DAYS is not refused for the account's failures from other addresses; its own failures count
 * against it. What is stored is a keyed hash (HMAC-SHA256) of the account and the address — never the address beside
 * the account: without the key, a reader of the database cannot try the 2³² IPv4 addresses against it.
 *
 * The key: LOGIN_ADDRESS_KEY when set (every process on one database must then be given the same one), else 32 random
 * bytes in `login-address.key` beside the commission key (COMMISSION_KEY_PATH's directory, 0700; the file 0600), made
 * on first use and shared by the processes of one host. A process with another key recognises no address: it refuses
 * as before, nothing worse.
 */
const cache = new Map<string, Buffer>();

export function addressKey(config: Pick<Config, 'loginAddressKey' | 'commissionKeyPath'>): Buffer {
  if (config.loginAddressKey) return Buffer.from(config.loginAddressKey, 'utf8');
  const file = path.resolve(path.dirname(config.commissionKeyPath), 'login-address.key');
  const cached = cache.get(file);
  if (cached) return cached;
  const key = readOrCreate(file);
  cache.set(file, key);
  return key;
}

function readOrCreate(file: string): Buffer {
  try {
    const key = fs.readFileSync(file);
    if (key.length >= 32) return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written beside, then linked into place: of two processes racing, one key wins and both read it.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, crypto.randomBytes(32), { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file);
}

/** The keyed hash of an account (its login key, `accountKey`) and a client address. */
export function knownAddressHash(key: Buffer, account: string, address: string): string {
  return crypto.createHmac('sha256', key).update(`${account}\u0000${address}`).digest('hex');
}
