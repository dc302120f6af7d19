import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The commission's Ed25519 signing key (issue 17: court hand-off packages). Kept outside the database, in a PKCS#8 PEM
 * file at COMMISSION_KEY_PATH (default data/commission-ed25519.pem, mode 0600); created on first use. Several
 * processes starting together race safely: the file is created exclusively and a loser reads the winner's key.
 * The key id is the first 32 hex digits of the SHA-256 of the raw 32-byte public key.
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

const cache = new Map<string, CommissionKey>();

function fromPem(pem: string, file: string): CommissionKey {
  const privateKey = crypto.createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key (COMMISSION_KEY_PATH)`);
  const publicKey = crypto.createPublicKey(privateKey);
  const x = publicKey.export({ format: 'jwk' }).x as string;
  return {
    keyId: crypto.createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 32),
    algorithm: 'Ed25519',
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKeyRaw: x,
    createdAt: fs.statSync(file).mtime.toISOString(),
  };
}

/** The key at `file`, created (exclusively, 0600) when it does not exist yet. */
export function commissionKey(file: string): CommissionKey {
  const abs = path.resolve(file);
  const known = cache.get(abs);
  if (known) return known;
  if (!fs.existsSync(abs)) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(abs), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(abs, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const key = fromPem(fs.readFileSync(abs, 'utf8'), abs);
  cache.set(abs, key);
  return key;
}

/** Signs bytes with the commission's key (Ed25519 signs the message itself; no separate digest). */
export function sign(key: CommissionKey, data: Buffer): Buffer {
  return crypto.sign(null, data, key.privateKey);
}
