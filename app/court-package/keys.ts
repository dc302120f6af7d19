import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import type { CommissionKeyStore, RegisteredKey } from '../../db/stores/commission-keys.ts';
import { AppError } from '../errors.ts';

/**
 * The commission's Ed25519 signing key (issue 17: court hand-off packages). The private key is a PKCS#8 PEM file at
 * COMMISSION_KEY_PATH (default data/commission-ed25519.pem, mode 0600), never in the database; its key id and public
 * key are registered in the database (`commission_keys`). It is made once, explicitly — `npm run keys:init`, or the
 * first `npm start` of a fresh install — never on first use by whatever request comes first: a second machine must
 * be given a copy of the file, and one that holds another key (or none) refuses to sign instead of signing with a key
 * the commission does not publish. The key id is the first 32 hex digits of the SHA-256 of the raw 32-byte public key.
 */
export interface CommissionKey {
  keyId: string;
  algorithm: 'Ed25519';
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** The raw public key, base64url (as in the JWK `x`). */
  publicKeyRaw: string;
  /** When the key file was created (its modification time). */
  createdAt: string;
}

/** The key id of a public key: the first 32 hex digits of the SHA-256 of its raw 32 bytes. */
export function keyIdOf(publicKey: KeyObject): string {
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return crypto.createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 32);
}

const cache = new Map<string, { mtimeMs: number; key: CommissionKey }>();

function fromPem(pem: string, file: string, mtime: Date): CommissionKey {
  const privateKey = crypto.createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key (COMMISSION_KEY_PATH)`);
  const publicKey = crypto.createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    algorithm: 'Ed25519',
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyRaw: publicKey.export({ format: 'jwk' }).x as string,
    createdAt: mtime.toISOString(),
  };
}

/** The key in `file`, or null when there is no such file. Parsed again only when the file changed (a copy put in place). */
export function readKeyFile(file: string): CommissionKey | null {
  const abs = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  const known = cache.get(abs);
  if (known && known.mtimeMs === stat.mtimeMs) return known.key;
  const key = fromPem(fs.readFileSync(abs, 'utf8'), abs, stat.mtime);
  cache.set(abs, { mtimeMs: stat.mtimeMs, key });
  return key;
}

/**
 * Creates the key file unless it exists; true if this call made it. The key is written to a temporary file beside it
 * and then linked into place: the name appears complete or not at all (a reader never sees half a file), and the
 * link fails when the name exists, so of two processes racing, one key wins and neither overwrites the other's.
 */
export function createKeyFile(file: string): boolean {
  const abs = path.resolve(file);
  fs.mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const tmp = `${abs}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(tmp, abs);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export type KeyInitOutcome =
  /** The file was made here and registered. */
  | { status: 'created'; keyId: string }
  /** A file already there was registered (the first start after an upgrade, or keys:init on a copied file). */
  | { status: 'registered'; keyId: string }
  /** File and database agree. */
  | { status: 'ok'; keyId: string }
  /** No file, and the database names a key: this machine needs a copy of the key file. */
  | { status: 'missing'; registeredKeyId: string }
  /** No file and no key registered, and `create` was not asked for. */
  | { status: 'absent' }
  /** The file holds another key than the one registered: this process refuses to sign. */
  | { status: 'mismatch'; keyId: string; registeredKeyId: string };

/**
 * `npm run keys:init`, and every `npm start` (with `create` only where no key is registered anywhere yet): makes the
 * key file if asked and none exists, and registers its key id when the database has none. Never makes a second key
 * for a database that has one.
 */
export async function initCommissionKey(
  k: Knex,
  stores: { commissionKeys: CommissionKeyStore },
  file: string,
  opts: { create: boolean; now: string; by: string },
): Promise<KeyInitOutcome> {
  let registered = await stores.commissionKeys.current(k);
  let key = readKeyFile(file);
  let created = false;
  if (!key) {
    if (registered) return { status: 'missing', registeredKeyId: registered.keyId };
    if (!opts.create) return { status: 'absent' };
    created = createKeyFile(file);
    key = readKeyFile(file) as CommissionKey;
  }
  if (!registered) {
    const won = await stores.commissionKeys.register(k, {
      keyId: key.keyId,
      algorithm: 'Ed25519',
      publicKeyPem: key.publicKeyPem,
      createdAt: key.createdAt,
      registeredAt: opts.now,
      registeredBy: `${opts.by} on ${os.hostname()}`.slice(0, 200),
    });
    if (won) return { status: created ? 'created' : 'registered', keyId: key.keyId };
    registered = (await stores.commissionKeys.current(k)) as RegisteredKey;
  }
  if (registered.keyId !== key.keyId) return { status: 'mismatch', keyId: key.keyId, registeredKeyId: registered.keyId };
  return { status: 'ok', keyId: key.keyId };
}

/** One line for the operator per outcome (start-up log, keys:init). */
export function describeKeyInit(o: KeyInitOutcome, file: string): string {
  switch (o.status) {
    case 'created':
      return `signing key ${o.keyId} created at ${file} and registered; back the file up, and copy it to every other server`;
    case 'registered':
      return `signing key ${o.keyId} from ${file} registered`;
    case 'ok':
      return `signing key ${o.keyId} (${file}) is the registered key`;
    case 'missing':
      return `no signing key file at ${file}; the database names key ${o.registeredKeyId}: copy that key file from the server that holds it (court packages are refused until then)`;
    case 'absent':
      return `no signing key: run npm run keys:init (court packages are refused until then)`;
    case 'mismatch':
      return `the signing key at ${file} (${o.keyId}) is not the registered key ${o.registeredKeyId}: replace the file with a copy of the registered key (court packages are refused until then)`;
  }
}

/** 503: this server may not sign now; the detail tells the operator what to do. */
const cannotSign = (detail: string, rule: string) =>
  new AppError(503, 'unavailable', '服务暂时不可用', detail, { retryAfterSeconds: 300, rule });

/**
 * The key this process signs with: the file's key, and only if it is the key registered in the database — otherwise
 * a 503 saying what the operator must do (GET /api/keys publishes the registered key, and a package must verify
 * against it).
 */
export async function signingKey(k: Knex, stores: { commissionKeys: CommissionKeyStore }, file: string): Promise<CommissionKey> {
  const registered = await stores.commissionKeys.current(k);
  if (!registered)
    throw cannotSign('仲裁委员会的签名密钥尚未初始化：请管理员运行 npm run keys:init（或重新启动服务）', 'signing-key-not-initialised');
  const key = readKeyFile(file);
  if (!key)
    throw cannotSign(
      `本服务器没有签名密钥文件（COMMISSION_KEY_PATH）；已登记的密钥编号为 ${registered.keyId}：请从保管该密钥的服务器复制密钥文件`,
      'signing-key-missing',
    );
  if (key.keyId !== registered.keyId)
    throw cannotSign(
      `本服务器的签名密钥（编号 ${key.keyId}）不是已登记的密钥（编号 ${registered.keyId}），拒绝签名：请换用已登记密钥的副本`,
      'signing-key-mismatch',
    );
  return key;
}

/** Signs bytes with the commission's key (Ed25519 signs the message itself; no separate digest). */
export function sign(key: CommissionKey, data: Buffer): Buffer {
  return crypto.sign(null, data, key.privateKey);
}
