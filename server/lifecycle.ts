import type http from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** Process state the HTTP layer reads: `/readyz` answers 503 once shutting down. */
export interface Lifecycle {
  shuttingDown: boolean;
  startedAt: string;
  /** Responses not yet finished. */
  inFlight: Set<http.ServerResponse>;
}

export const createLifecycle = (startedAt: string): Lifecycle => ({ shuttingDown: false, startedAt, inFlight: new Set() });

/**
 * First middleware: tracks responses in flight, and once shutting down makes every answer close its connection, so a
 * client keeping its keep-alive connection busy is let go after the answer it is waiting for.
 */
export function drainConnections(state: Lifecycle): RequestHandler {
  return (_req, res, next) => {
    if (state.shuttingDown) res.setHeader('Connection', 'close');
    state.inFlight.add(res);
    res.on('close', () => state.inFlight.delete(res));
    next();
  };
}

export interface ShutdownSteps {
  server: http.Server;
  state: Lifecycle;
  logger: Logger;
  /** The whole shutdown, from the signal to exit. */
  timeoutMs: number;
  /** After the HTTP server has drained (or given up waiting): stop the scheduler, close the database… */
  cleanup: () => Promise<void>;
  exit: (code: number) => void;
}

/**
 * SIGTERM/SIGINT: stop accepting connections, close idle keep-alive connections, let in-flight requests finish (each
 * answer closes its connection), then clean up and exit — within `timeoutMs` in any case: at the deadline the
 * remaining connections are cut, and a last timer exits even if clean-up hangs. Resolves with the exit code.
 */
export function createShutdown(s: ShutdownSteps): () => Promise<number> {
  let started: Promise<number> | null = null;
  const run = async (): Promise<number> => {
    const t0 = Date.now();
    s.state.shuttingDown = true;
    const hard = setTimeout(() => {
      s.logger.error({ timeoutMs: s.timeoutMs }, 'shutdown: time is up, exiting');
      s.exit(1);
    }, s.timeoutMs);
    hard.unref();
    for (const res of s.state.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    s.logger.info({ inFlight: s.state.inFlight.size }, 'shutdown: no new connections; finishing requests in flight');
    const drained = new Promise<boolean>((resolve) => s.server.close(() => resolve(true)));
    s.server.closeIdleConnections();
    // A connection whose answer went out before the signal (no Connection: close) turns idle later: close it then.
    const sweepIdle = setInterval(() => s.server.closeIdleConnections(), 100);
    // Leave a quarter of the time (at most 2 s) for clean-up after the HTTP server.
    const httpBudget = s.timeoutMs - Math.min(2_000, s.timeoutMs / 4);
    let cut: NodeJS.Timeout | undefined;
    const clean = await Promise.race([drained, new Promise<boolean>((resolve) => (cut = setTimeout(() => resolve(false), httpBudget)))]);
    clearTimeout(cut);
    clearInterval(sweepIdle);
    if (!clean) {
      s.logger.warn({ inFlight: s.state.inFlight.size }, 'shutdown: cutting the connections still open');
      s.server.closeAllConnections();
    }
    let code = clean ? 0 : 1;
    try {
      await s.cleanup();
    } catch (err) {
      s.logger.error({ err }, 'shutdown: clean-up failed');
      code = 1;
    }
    clearTimeout(hard);
    s.logger.info({ ms: Date.now() - t0, code }, 'shutdown complete');
    s.exit(code);
    return code;
  };
  return () => {
    started ??= run();
    return started;
  };
}
