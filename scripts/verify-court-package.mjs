#!/usr/bin/env node
// Verifies a Zhongcai court hand-off package (移送法院材料包) offline. Needs only Node.js (18 or later): no network,
// no other files, no packages. Copy this one file to whoever receives packages.
//
//   node verify-court-package.mjs package.zip --key commission-public-key.pem   (the key the commission publishes at
//                                                                                 GET /api/keys — proves who signed)
//   node verify-court-package.mjs package.zip --key-id 3f2a…                    (the key inside the package, checked
//                                                                                 against the published key id)
//   node verify-court-package.mjs package.zip                                    (the key inside the package: proves
//                                                                                 the package is unchanged, not who made it)
//   add --json for a machine-readable report.
//
// What is checked: the Ed25519 signature over manifest.json exactly as stored; the manifest's format and key id; every
// file the manifest lists is present with its size and SHA-256; no file is present that the manifest does not list
// (other than manifest.json, manifest.sig and public-key.pem); the ZIP structure (no duplicate or unsafe names, CRC-32).
// Exit status: 0 verified, 1 refused, 2 cannot run (bad arguments, unreadable file).
// Format: docs/court-package.md in the Zhongcai repository.

import crypto from 'node:crypto';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const UNSIGNED = new Set(['manifest.json', 'manifest.sig', 'public-key.pem']);
const MANIFEST_FORMAT = 'zhongcai.court-package.manifest';

function usage(msg) {
  if (msg) process.stderr.write(`${msg}\n`);
  process.stderr.write('usage: node verify-court-package.mjs PACKAGE.zip [--key PUBLIC_KEY.pem | --key-id HEX] [--json]\n');
  process.exit(2);
}

/** The entries of a ZIP file (no ZIP64, no encryption: what the commission produces), read from the central directory. */
function readZip(buf) {
  const problems = [];
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('不是ZIP文件（找不到中央目录结束记录）');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new Error('ZIP中央目录损坏');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (flags & 1) problems.push(`${name}：加密的条目不受支持`);
    if (name.startsWith('/') || name.split('/').includes('..') || name.includes('\\')) problems.push(`${name}：不安全的文件名`);
    if (entries.has(name)) problems.push(`${name}：同名文件出现两次`);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${name}：本地文件头损坏`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    let data;
    try {
      data = method === 0 ? raw : method === 8 ? zlib.inflateRawSync(raw) : null;
    } catch {
      problems.push(`${name}：压缩数据损坏`);
      continue;
    }
    if (data === null) {
      problems.push(`${name}：不支持的压缩方法 ${method}`);
      continue;
    }
    if (data.length !== size) problems.push(`${name}：长度与ZIP目录不符`);
    if (typeof zlib.crc32 === 'function' && zlib.crc32(data) >>> 0 !== crc) problems.push(`${name}：CRC-32 校验不符（内容已被改动或损坏）`);
    entries.set(name, data);
  }
  return { entries, problems };
}

function keyIdOf(publicKey) {
  const x = publicKey.export({ format: 'jwk' }).x;
  return crypto.createHash('sha256').update(Buffer.from(x, 'base64url')).digest('hex').slice(0, 32);
}

export function verify(zipBytes, opts = {}) {
  const errors = [];
  const warnings = [];
  const { entries, problems } = readZip(zipBytes);
  errors.push(...problems);
  const manifestBytes = entries.get('manifest.json');
  const sig = entries.get('manifest.sig');
  if (!manifestBytes) errors.push('缺少 manifest.json');
  if (!sig) errors.push('缺少 manifest.sig');
  let publicKey = null;
  if (opts.keyPem) {
    publicKey = crypto.createPublicKey(opts.keyPem);
  } else if (entries.get('public-key.pem')) {
    publicKey = crypto.createPublicKey(entries.get('public-key.pem'));
    if (!opts.keyId)
      warnings.push(
        '用包内附带的公钥核验：只能证明材料包未被改动，不能证明由仲裁委员会生成；请用 --key 指定仲裁委公布的公钥，或 --key-id 核对密钥编号',
      );
  } else {
    errors.push('没有可用的公钥（包内无 public-key.pem，也未指定 --key）');
  }
  if (publicKey && publicKey.asymmetricKeyType !== 'ed25519') {
    errors.push('公钥不是 Ed25519 公钥');
    publicKey = null;
  }
  const keyId = publicKey ? keyIdOf(publicKey) : null;
  if (keyId && opts.keyId && keyId !== opts.keyId.toLowerCase()) errors.push(`密钥编号不符：包内公钥为 ${keyId}，应为 ${opts.keyId}`);
  let manifest = null;
  if (manifestBytes && sig && publicKey) {
    const signature = Buffer.from(sig.toString('utf8').trim(), 'base64');
    if (!crypto.verify(null, manifestBytes, publicKey, signature)) errors.push('签名无效：manifest.json 不是由该密钥签署，或已被改动');
  }
  if (manifestBytes) {
    try {
      manifest = JSON.parse(manifestBytes.toString('utf8'));
    } catch {
      errors.push('manifest.json 不是有效的 JSON');
    }
  }
  const checked = [];
  if (manifest) {
    if (manifest.format !== MANIFEST_FORMAT || manifest.version !== 1)
      errors.push(`不认识的清单格式：${manifest.format} ${manifest.version}`);
    if (manifest.hashAlgorithm !== 'SHA-256' || manifest.signatureAlgorithm !== 'Ed25519')
      errors.push('清单所用算法不是 SHA-256 / Ed25519');
    if (keyId && manifest.keyId !== keyId) errors.push(`清单的密钥编号 ${manifest.keyId} 与核验所用公钥 ${keyId} 不符`);
    const listed = new Set();
    for (const f of Array.isArray(manifest.files) ? manifest.files : []) {
      listed.add(f.path);
      const data = entries.get(f.path);
      if (!data) {
        errors.push(`${f.path}：清单列明但包内没有`);
        continue;
      }
      const sha256 = crypto.createHash('sha256').update(data).digest('hex');
      const ok = sha256 === f.sha256 && data.length === f.size;
      if (sha256 !== f.sha256) errors.push(`${f.path}：SHA-256 不符（清单 ${f.sha256}，实际 ${sha256}）`);
      else if (data.length !== f.size) errors.push(`${f.path}：大小不符`);
      checked.push({ path: f.path, sha256, size: data.length, ok });
    }
    for (const name of entries.keys()) if (!UNSIGNED.has(name) && !listed.has(name)) errors.push(`${name}：清单中没有此文件`);
  }
  return {
    ok: errors.length === 0,
    errors,
    warnings,
    keyId,
    keySource: opts.keyPem ? 'given' : 'package',
    caseNo: manifest?.caseNo ?? null,
    // The 审字 / 不字 number of a case without a case number (an arbitral review, a rejected application).
    documentNo: manifest?.documentNo ?? null,
    generatedAt: manifest?.generatedAt ?? null,
    files: checked,
  };
}

function main(argv) {
  const args = argv.slice(2);
  let file = null;
  const opts = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--key') opts.keyPath = args[++i] ?? usage('--key 需要公钥文件');
    else if (a === '--key-id') opts.keyId = args[++i] ?? usage('--key-id 需要密钥编号');
    else if (a === '--json') json = true;
    else if (a.startsWith('-')) usage(`未知选项 ${a}`);
    else if (!file) file = a;
    else usage('只能核验一个文件');
  }
  if (!file) usage();
  let bytes;
  try {
    bytes = fs.readFileSync(file);
    if (opts.keyPath) opts.keyPem = fs.readFileSync(opts.keyPath, 'utf8');
  } catch (e) {
    process.stderr.write(`无法读取：${e.message}\n`);
    process.exit(2);
  }
  let r;
  try {
    r = verify(bytes, opts);
  } catch (e) {
    r = { ok: false, errors: [e.message], warnings: [], keyId: null, files: [] };
  }
  if (json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  else {
    for (const f of r.files) process.stdout.write(`${f.ok ? '✓' : '✗'} ${f.path}  ${f.sha256}\n`);
    for (const w of r.warnings) process.stdout.write(`注意：${w}\n`);
    for (const e of r.errors) process.stdout.write(`✗ ${e}\n`);
    const no = r.caseNo ?? r.documentNo;
    process.stdout.write(
      r.ok
        ? `VERIFIED 核验通过：${no ? `${no} ` : ''}签名有效（密钥 ${r.keyId}），${r.files.length} 个文件与清单一致\n`
        : `REFUSED 核验未通过：${r.errors.length} 处问题\n`,
    );
  }
  process.exit(r.ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) main(process.argv);
