import { spawnSync } from 'node:child_process';
import type request from 'supertest';
import { expect } from 'vitest';
import type { TestApp } from './app.ts';

/** The response read as bytes (a PDF, a workbook, a zip), not as text or JSON. */
export const asBytes = (r: request.Test): request.Test =>
  r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (x: Buffer) => chunks.push(x));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

/** pdftotext's text of a PDF. */
export function pdfRaw(bytes: Buffer): string {
  const r = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

/** Running text: page footers and whitespace removed (Chinese lines wrap anywhere; justified lines may read with gaps). */
export const flat = (raw: string) => raw.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');

/** A stored document's PDF, downloaded as the holder of the token. */
export async function downloadDocument(t: TestApp, token: string, id: number): Promise<Buffer> {
  const r = await asBytes(t.api(token).get(`/api/documents/${id}`));
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/pdf');
  return r.body as Buffer;
}

/** The running text of the (first) document generated for the request. */
export async function generatedText(t: TestApp, token: string, caseId: number, body: Record<string, unknown>): Promise<string> {
  const r = await t.api(token).post(`/api/cases/${caseId}/documents`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return flat(pdfRaw(await downloadDocument(t, token, r.body.documents[0].id)));
}
