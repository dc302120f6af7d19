import fs from 'node:fs';

/**
 * User + system CPU time a process and all its threads have used, in ms, from `/proc/<pid>/stat` (Linux: utime and
 * stime are fields 14 and 15, counted after the command name, which may contain spaces; USER_HZ is 100 on every Linux
 * this runs on — getconf CLK_TCK). Null where there is no /proc or no such process.
 */
export function processCpuMs(pid: number | undefined, opts: { mainThread?: boolean } = {}): number | null {
  if (!pid) return null;
  try {
    // `mainThread`: the thread whose id is the process's (Node's main thread, where JavaScript runs) alone.
    const stat = fs.readFileSync(opts.mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * User + system CPU time of every PostgreSQL server process on the machine (command name `postgres`: the postmaster,
 * its backends and workers), in ms. A backend that exits between two readings takes its time with it, so this is
 * meant for a pool that keeps its connections (the bench's servers do). Null where there is no /proc.
 */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x));
  } catch {
    return null;
  }
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm !== 'postgres') continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
