import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.ts';

/** `npm start` runs the server with the flags the harnesses use (server/node-flags.ts): one list, not two that drift. */
describe('server node flags', () => {
  it('package.json start passes every flag of SERVER_NODE_FLAGS to node before the server', () => {
    const start = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts.start as string;
    expect(start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} --import tsx server/main.ts`);
  });
  it('each flag is one V8 option this node accepts', () => {
    for (const f of SERVER_NODE_FLAGS) expect(process.allowedNodeEnvironmentFlags.has(f.split('=')[0] as string)).toBe(true);
  });
});
