import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../server/logger.ts';

/** A logger at `level` whose lines are kept in `lines` (what the server would print), for tests that read the log. */
export function capturedLogger(level = 'info'): { lines: string[]; logger: Logger } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger(level, sink) };
}
