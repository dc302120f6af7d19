import type { Deps } from '../app/deps.ts';
import { sweepDeadlines } from '../app/time/sweep.ts';

/** Runs the sweep once a day inside the server (after `hour` o'clock China time), checking every 10 minutes. */
export function startScheduler(deps: Deps, hour: number): () => void {
  let lastDay = '';
  const tick = async () => {
    const today = deps.clock.today();
    const cstHour = (deps.clock.now().getUTCHours() + 8) % 24;
    if (today === lastDay || cstHour < hour) return;
    lastDay = today;
    try {
      const r = await sweepDeadlines(deps, today);
      deps.logger.info({ ...r, today }, 'deadline sweep');
    } catch (err) {
      lastDay = '';
      deps.logger.error({ err }, 'deadline sweep failed');
    }
  };
  const timer = setInterval(() => void tick(), 10 * 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
