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
 * User + system CPU time of PostgreSQL server processes on this machine (command name `postgres`), in ms: with
 * `database`, only the backends connected to that database (their command line reads `postgres: <user> <database>
 * <host> …`), so another cluster or another database on the machine — another engineer's tests, the floor's database —
 * is not counted; without it, every one (the postmaster, its backends and workers). A backend that exits between two
 * readings takes its time with it, so this is meant for a pool that keeps its connections (the bench's servers do).
 * Null where there is no /proc.
 */
export function postgresCpuMs(database?: string, port?: number): number | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x));
  } catch {
    return null;
  }
  // With `port`: only the processes of the cluster whose postmaster was started with `-p <port>` (every throwaway of
  // scripts/pg-throwaway.sh is) — two benches on one machine whose databases share a name (perfP59: both helpers' `zcb`)
  // counted each other's backends. No such postmaster (a port set in postgresql.conf): every cluster, as before.
  const postmasters = new Set<string>();
  if (port !== undefined)
    for (const pid of pids) {
      try {
        const words = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (!/\/postgres$/.test(words[0] ?? '')) continue;
        const i = words.indexOf('-p');
        if (i >= 0 && words[i + 1] === String(port)) postmasters.add(pid);
      } catch {
        // gone meanwhile
      }
    }
  let total = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (comm !== 'postgres') continue;
      if (postmasters.size) {
        const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
        if (!postmasters.has(pid) && !postmasters.has(ppid ?? '')) continue;
      }
      if (database !== undefined) {
        const words = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim().split(/\s+/);
        if (words[0] !== 'postgres:' || words[2] !== database) continue;
      }
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
