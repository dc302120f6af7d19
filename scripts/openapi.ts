/**
 * `npm run openapi [-- --out file.json]` — writes the OpenAPI document the server serves at /openapi.json, without a
 * running server: the app is built (its routes declare the document, server/http/route.ts) over an empty in-memory
 * database that is never queried. Used by `npm test` for `redocly lint` and by integrators to generate a client.
 */
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../app/clock.ts';
import { loadConfig } from '../app/config.ts';
import { openDatabase } from '../db/knex.ts';
import { createApp } from '../server/app.ts';
import { buildOpenApi } from '../server/http/openapi.ts';
import { createLogger } from '../server/logger.ts';

const db = openDatabase('sqlite::memory:');
createApp({ db, clock: systemClock, logger: createLogger('silent'), config: loadConfig({ LOG_LEVEL: 'silent' }) });
const text = `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
const at = process.argv.indexOf('--out');
const out = at >= 0 ? process.argv[at + 1] : undefined;
if (out) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, text);
} else process.stdout.write(text);
await db.close();
