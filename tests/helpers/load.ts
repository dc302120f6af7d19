import type http from 'node:http';
import { standardApplication } from './procedure.ts';
import { call, cstDay } from './server-process.ts';

export interface Outcome {
  /** When the answer (or the transport error) arrived. */
  at: number;
  ms: number;
  op: 'register' | 'accept' | 'read';
  status: number | null;
  retryAfter?: string;
  caseId?: number;
  caseNo?: string;
  error?: string;
}

/**
 * Clients writing as fast as the server answers: each registers a case, accepts every other one, and reads a list page
 * now and then. Every answer and transport error is recorded with its time, so a test can tell what was acknowledged
 * before an event (a backup, a crash) and what the server answered during a fault.
 */
export function startLoad(opts: {
  base: () => string;
  token: string;
  clients: number;
  agent?: http.Agent;
  /** Stop a client after a transport error (the server is gone). */
  stopOnTransportError?: boolean;
  reads?: boolean;
  timeoutMs?: number;
}): { outcomes: Outcome[]; stop(): Promise<void> } {
  const outcomes: Outcome[] = [];
  let running = true;
  const agent = opts.agent ?? null;
  const one = async (op: Outcome['op'], method: string, path: string, body?: unknown): Promise<Outcome> => {
    const t0 = Date.now();
    try {
      const r = await call(agent, method, `${opts.base()}${path}`, { token: opts.token, body, timeoutMs: opts.timeoutMs ?? 30_000 });
      const o: Outcome = {
        at: Date.now(),
        ms: r.ms,
        op,
        status: r.status,
        retryAfter: r.headers['retry-after'] as string | undefined,
        caseId: r.body?.id,
        caseNo: r.body?.caseNo ?? undefined,
      };
      outcomes.push(o);
      return o;
    } catch (e) {
      const o: Outcome = { at: Date.now(), ms: Date.now() - t0, op, status: null, error: (e as Error).message };
      outcomes.push(o);
      return o;
    }
  };
  const client = async (k: number) => {
    let n = 0;
    while (running) {
      n++;
      const reg = await one('register', 'POST', '/api/cases', standardApplication({ receivedOn: cstDay(-3) }));
      if (reg.status === null && opts.stopOnTransportError) return;
      if (reg.status === 201 && (n + k) % 2 === 0) {
        const acc = await one('accept', 'POST', `/api/cases/${reg.caseId}/events`, { type: 'ACCEPT', occurredOn: cstDay(-1) });
        acc.caseId = reg.caseId;
        if (acc.status === null && opts.stopOnTransportError) return;
      }
      if (opts.reads && n % 3 === 0) {
        const rd = await one('read', 'GET', '/api/cases?pageSize=20');
        if (rd.status === null && opts.stopOnTransportError) return;
      }
      if (reg.status !== 201) await new Promise((r) => setTimeout(r, 50)); // a fault: do not spin
    }
  };
  const clients = Array.from({ length: opts.clients }, (_, k) => client(k));
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

/** Cases whose registration was acknowledged (201), and acceptances acknowledged (200) with their case number. */
export function acknowledged(outcomes: Outcome[], before = Number.POSITIVE_INFINITY) {
  const done = outcomes.filter((o) => o.at < before);
  return {
    cases: done.filter((o) => o.op === 'register' && o.status === 201).map((o) => o.caseId as number),
    accepted: done
      .filter((o) => o.op === 'accept' && o.status === 200)
      .map((o) => ({ caseId: o.caseId as number, caseNo: o.caseNo as string })),
  };
}

export const until = async (cond: () => boolean, timeoutMs: number, what: string) => {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
