import crypto from 'node:crypto';
import JSZip from 'jszip';
import { readKeyFile, sign } from './keys.ts';

/** What the main thread hands to a render thread: the files, the manifest without its file list, the key's file. */
export interface PackageParts {
  files: { path: string; bytes: Uint8Array }[];
  /** manifest.json's fields before `files` (format, version, commission, case, purpose, court, dates, key id…). */
  manifest: Record<string, unknown>;
  keyPath: string;
  generatedAt: string;
}

export interface AssembledPackage {
  bytes: Buffer;
  manifestBytes: Buffer;
  /** Ed25519 signature of manifest.json, base64. */
  signature: string;
}

const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/**
 * The CPU part of a court package — SHA-256 of every file, the manifest signed with the commission's key, the ZIP —
 * run on a render thread (app/render/pool.ts), so a case with many large PDFs does not hold the event loop.
 */
export async function assemblePackage(p: PackageParts): Promise<AssembledPackage> {
  // The main thread has checked that this file holds the registered key (signingKey); it is read again here, on the
  // render thread, and must still be that key (a file swapped in between is refused, never signed with).
  const key = readKeyFile(p.keyPath);
  if (!key || key.keyId !== p.manifest.keyId) throw new Error('the signing key file changed while the package was assembled');
  const files = p.files.map((f) => ({ path: f.path, bytes: Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength) }));
  const manifest = { ...p.manifest, files: files.map((f) => ({ path: f.path, sha256: sha256(f.bytes), size: f.bytes.length })) };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const signature = sign(key, manifestBytes).toString('base64');
  const zip = new JSZip();
  // A ZIP entry's time (MS-DOS date and time) has no zone and is read as a wall clock; JSZip writes it from the UTC
  // fields of `date`. Shifted by eight hours, the entries read China Standard Time — the clock of the file's name and
  // README.txt's 生成时间 (docs54 L3: the name said T165243, the entries 08:52:43).
  const date = new Date(Date.parse(p.generatedAt) + 8 * 3_600_000);
  zip.file('manifest.json', manifestBytes, { date, compression: 'DEFLATE' });
  zip.file('manifest.sig', `${signature}\n`, { date, compression: 'STORE' });
  zip.file('public-key.pem', key.publicKeyPem, { date, compression: 'STORE' });
  // PDFs are stored as they are (already compressed): a byte of the ZIP is then a byte of the PDF.
  for (const f of files)
    zip.file(f.path, f.bytes, { date, createFolders: false, compression: f.path.endsWith('.pdf') ? 'STORE' : 'DEFLATE' });
  const bytes = await zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' });
  return { bytes, manifestBytes, signature };
}
