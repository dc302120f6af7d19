import fs from 'node:fs';

/**
 * User + system CPU time a process and all its threads have used, in ms, from `/proc/<pid>/stat` (Linux: utime and
 * stime are fields 14 and 15, counted after the command name, which may contain spaces; USER_HZ is 100 on every Linux
 * this runs on — getconf CLK_TCK). Null where there is no /proc or no such process.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}
