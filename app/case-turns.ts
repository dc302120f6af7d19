import { AppError } from './errors.ts';

/**
 * One write at a time per case in this process (PostgreSQL): the writes of one case wait here, in memory, for their
 * turn — not each on a pooled connection waiting for the case row's lock. Forty events sent at once to a case whose
 * row another session held locked took all ten connections of the process's pool, and a read of an unrelated case
 * waited ten seconds for a connection (outside reliability tester). Now one of them holds a connection and waits for
 * the row; the others wait here at most `waitMs` (the database's lock timeout) and are answered 503 busy with
 * Retry-After, as a lock timeout is.
 *
 * Nothing here decides anything: the row lock and the version check stay what makes a write safe, across processes.
 * This is only who in this process asks the database next, so it keeps no state that matters (a restart loses only
 * the queue of requests it was serving).
 */
const turns = new Map<number, Promise<void>>();

export async function inCaseTurn<T>(caseId: number, waitMs: number, write: () => Promise<T>): Promise<T> {
  const before = turns.get(caseId);
  let release: () => void = () => undefined;
  const mine = new Promise<void>((r) => {
    release = r;
  });
  // The next write of the case waits for this one, and for the one before it when this one gave up waiting.
  const tail = before ? before.then(() => mine) : mine;
  turns.set(caseId, tail);
  try {
    if (before) await waitFor(before, waitMs);
    return await write();
  } finally {
    release();
    if (turns.get(caseId) === tail) turns.delete(caseId);
  }
}

async function waitFor(turn: Promise<void>, waitMs: number): Promise<void> {
  if (waitMs <= 0) return turn;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => {
    timer = setTimeout(() => r('late'), waitMs);
  });
  try {
    if ((await Promise.race([turn.then(() => 'turn' as const), late])) === 'late')
      throw new AppError(503, 'unavailable', '服务暂时不可用', '该案件正在办理其他操作，请稍后重试', {
        retryAfterSeconds: 2,
        fault: 'busy',
      });
  } finally {
    clearTimeout(timer);
  }
}

/** Cases with writes waiting or running in this process (tests). */
export function casesInTurn(): number {
  return turns.size;
}
