import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster of its own (initdb in a temporary folder, run as the `postgres` user on a loopback
 * port from PG_FAULT_PORT, default 55420), for tests that stop, freeze and restart the database under a running
 * server. Needs Debian's postgresql (scripts/pg-throwaway.sh installs it) and root (runuser).
 */
export class PgServer {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static async start(opts: { portFrom?: number } = {}): Promise<PgServer> {
    const bin = fs
      .readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .filter((d) => fs.existsSync(`${d}/initdb`))
      .sort()
      .at(-1);
    if (!bin) throw new Error('PostgreSQL is not installed (run scripts/pg-throwaway.sh once, or apt-get install postgresql)');
    const port = await freePort(opts.portFrom ?? Number(process.env.PG_FAULT_PORT ?? 55420));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zc-pgf-'));
    execFileSync('chown', ['postgres:postgres', dir]);
    execFileSync(
      'runuser',
      ['-u', 'postgres', '--', `${bin}/initdb`, '-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'],
      {
        stdio: 'ignore',
      },
    );
    const pg = new PgServer(dir, port, bin);
    pg.startSync();
    return pg;
  }

  url(db = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }

  /** Starts (again) on the same port; returns when it accepts connections. */
  startSync(): void {
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    execFileSync(
      'runuser',
      ['-u', 'postgres', '--', `${this.bin}/pg_ctl`, '-D', `${this.dir}/data`, '-l', `${this.dir}/log`, '-w', '-o', opts, 'start'],
      {
        stdio: 'ignore',
      },
    );
  }

  /** `fast`: ends the sessions and stops cleanly; `immediate`: like a crash (recovery at the next start). */
  stopSync(mode: 'fast' | 'immediate' = 'fast'): void {
    execFileSync('runuser', ['-u', 'postgres', '--', `${this.bin}/pg_ctl`, '-D', `${this.dir}/data`, '-m', mode, '-w', 'stop'], {
      stdio: 'ignore',
    });
  }

  /** Every process of the cluster: the postmaster and its children. */
  pids(): number[] {
    const main = Number(fs.readFileSync(`${this.dir}/data/postmaster.pid`, 'utf8').split('\n')[0]);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(main)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
    return [main, ...children];
  }

  /** A frozen database: the processes stop (SIGSTOP) but the kernel still accepts TCP connections for them. */
  freeze(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGSTOP');
  }

  thaw(): void {
    for (const pid of this.pids()) process.kill(pid, 'SIGCONT');
  }

  psql(sql: string, db = 'postgres'): string {
    return execFileSync('psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql, this.url(db)], { encoding: 'utf8' }).trim();
  }

  destroy(): void {
    try {
      this.thaw();
    } catch {}
    try {
      this.stopSync('immediate');
    } catch {}
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The first port from `from` that nothing listens on. Test files run two at a time (vitest.config.ts): each worker
 * searches its own range (VITEST_POOL_ID 1, 2, …), so that two files never both find the same port free and race
 * to listen on it.
 */
export async function freePort(from: number): Promise<number> {
  const start = from + 500 * Math.max(0, Number(process.env.VITEST_POOL_ID ?? 1) - 1);
  for (let p = start; p < start + 200; p++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error(`no free port from ${start}`);
}
