import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { SERVER_NODE_FLAGS } from '../../server/node-flags.ts';
import { freePort } from './pg-server.ts';
import { testKeyPath } from './scratch.ts';

/** A real `npm start` server (server/main.ts) in a child process, as an operator runs it. */
export interface ServerProcess {
  port: number;
  base: string;
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  kill(signal: NodeJS.Signals): void;
}

export const ADMIN_PASSWORD = 'admin-password-1';

/** Spawns the server and waits for /healthz; throws with its output when it exits first. */
export async function startServer(
  env: Record<string, string>,
  opts: { portFrom?: number; waitReady?: boolean } = {},
): Promise<ServerProcess> {
  const port = await freePort(opts.portFrom ?? 55440);
  return spawnServer(port, env, opts.waitReady ?? true);
}

export async function spawnServer(port: number, env: Record<string, string>, waitReady = true): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      SCHEDULER_HOUR: '-1',
      // The same worker registered against the same employer again and again (tests/helpers/app.ts says why).
      DUPLICATE_ACCEPT_CONFIRMATION: 'false',
      EARLIER_YEAR_ACCEPT_CONFIRMATION: 'false',
      // The first start of a fresh install makes the signing key: in the temporary directory, never in data/.
      COMMISSION_KEY_PATH: testKeyPath(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const s: ServerProcess = {
    port,
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    exited,
    kill: (signal) => child.kill(signal),
  };
  if (!waitReady) return s;
  const ended: { exit?: { code: number | null; signal: NodeJS.Signals | null } } = {};
  void exited.then((e) => {
    ended.exit = e;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    // How it ended (an exit code, or the signal that killed it) says more than its output when that is empty.
    if (ended.exit)
      throw new Error(`server on port ${port} exited before it was ready (code ${ended.exit.code}, signal ${ended.exit.signal}):\n${out}`);
    const r = await call(null, 'GET', `${s.base}/healthz`).catch(() => null);
    if (r?.status === 200) return s;
    await new Promise((res) => setTimeout(res, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready in 60 s:\n${out}`);
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes
  body: any;
  ms: number;
}

/** One JSON request; `agent` null = a new connection. Rejects only on a transport error (reset, refused, timeout). */
export function call(
  agent: http.Agent | null,
  method: string,
  url: string,
  opts: { body?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Reply> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
    const req = http.request(
      url,
      {
        method,
        agent: agent ?? false,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        timeout: opts.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {}
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms: Date.now() - t0 });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout after ${opts.timeoutMs ?? 30_000} ms: ${method} ${url}`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

export async function login(base: string, username: string, password: string): Promise<string> {
  const r = await call(null, 'POST', `${base}/api/auth/login`, { body: { username, password } });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

/** Creates a user through the API (admin token) and logs it in. */
export async function userToken(base: string, adminToken: string, username: string, role: string): Promise<{ id: number; token: string }> {
  const password = `${username}-password-1`;
  const r = await call(null, 'POST', `${base}/api/users`, {
    token: adminToken,
    // A fixture user keeps the password it was given (a real admin's user must change it first: security.test.ts).
    body: { username, password, role, displayName: `${username}（测试）`, mustChangePassword: false },
  });
  if (r.status !== 201) throw new Error(`create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: r.body.id, token: await login(base, username, password) };
}

/** China Standard Time date, `n` days from today (the servers in child processes run on the real clock). */
export function cstDay(n = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}
