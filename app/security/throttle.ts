import crypto from 'node:crypto';
import type { Knex } from 'knex';
import type { ThrottleStore } from '../../db/stores/throttle.ts';
import type { Clock } from '../clock.ts';
import { tooManyRequests } from '../errors.ts';

/** A sliding-window limit: at most `max` counted attempts per key within `windowMs`. */
export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
  /** The 429 detail, given the minutes until the window frees up. */
  message: (minutes: number) => string;
  /**
   * Remember in this process that a key is refused until its window frees up, and refuse it again without asking the
   * database (a flood from one address then costs no query). Only for limits nothing lifts early (an admin's reset
   * lifts an account's lockout, in every process).
   */
  rememberRefusals?: boolean;
  /**
   * For limits taken with `reserve`: the 429 detail when the key's attempts in flight (none yet failed) fill the
   * limit — true to what happened, not 「失败次数过多」 (sec52 H1) — answered with a Retry-After of a few seconds.
   */
  busyMessage?: string;
}

const REMEMBERED_MAX = 10_000;

/** One counted attempt: how many the key has in the window with it, and a way to give it back. */
export interface Attempt {
  count: number;
  release(): Promise<void>;
  /**
   * A reserved attempt (`reserve`) that failed: counted from now on against the limit; the number of failures of the
   * key in the window with it. For an attempt of `take`, which counts from the start, the count taken.
   */
  fail(): Promise<number>;
}

/**
 * How long a reservation (`reserve`) stands as an attempt in flight: a login waits in the bounded hash queue and
 * hashes within seconds. An older one (its process ended mid-hash) counts as a failure.
 */
export const IN_FLIGHT_MS = 60_000;
/** The Retry-After of a refusal while the key's attempts in flight fill the limit: they end within seconds. */
export const BUSY_RETRY_SECONDS = 2;

const PRUNE_EVERY_MS = 60_000;

/**
 * Limits counted in the database (db/stores/throttle.ts), shared by every process on it: failed logins per address and
 * per account, document generation and exports per user. Keys are stored as a keyed hash (`hash`), never as sent. Old attempts are
 * pruned at most once a minute per process.
 */
export class Throttle {
  private lastPrune = 0;
  /** key hash → until when (ms) a refusal stands, for limits with `rememberRefusals`. */
  private refusedUntil = new Map<string, number>();
  constructor(
    private knex: Knex,
    private store: ThrottleStore,
    private clock: Clock,
    /** The longest window in use: attempts older than this are never read again. */
    private horizonMs: number,
    /**
     * The key the keys are hashed with: LOGIN_ADDRESS_KEY, the one every process on the database is given; null without
     * it — then an unkeyed sha256 (`hash`).
     */
    private hashKey: () => Buffer | null,
  ) {}

  /**
   * The stored form of the bucket and the key. With LOGIN_ADDRESS_KEY a keyed hash (HMAC-SHA256; outside tester s46 L2:
   * an unkeyed sha256 of an address or a typed username is undone by trying the 2³² IPv4 addresses and common names).
   * Without it an unkeyed sha256, as before: the counters must be the same in every process on the database, and the
   * per-host key file (login-address.key) would give each host counters of its own — N hosts, N × the limit (reviewer
   * s46 H1). A key kept in the database would protect nothing against its readers. Rows written under one form are not
   * matched under the other: they count for nothing and are pruned when their window is over (`prune`).
   */
  private hash(limit: Limit, key: string): string {
    const k = this.hashKey();
    const h = k ? crypto.createHmac('sha256', k) : crypto.createHash('sha256');
    return h.update(`${limit.bucket}\u0000${key}`).digest('hex');
  }

  /**
   * Counts one attempt against the limit, or answers 429 with Retry-After when the key has used up its window. The
   * attempt is recorded before the work it limits begins, atomically with the count (db/stores/throttle.ts take): N
   * parallel requests cannot all pass a check made before any of them is counted. Work that turns out not to count
   * (a login that succeeds) gives its attempt back with `release()`.
   */
  async take(limit: Limit, key: string): Promise<Attempt> {
    return this.count(limit, key, false);
  }

  /**
   * Like `take`, for work that counts only when it fails (a login, a current password): the attempt is reserved before
   * the work begins, atomically with the check, and holds a place under the limit while in flight — N parallel guesses
   * still reach the hash at most `max` times. Only failures (`fail()`) count afterwards; a success gives its place
   * back (`release()`). Refused when the key's failures are at the limit (the limit's message, remembered with
   * `rememberRefusals`), or — never remembered, a short Retry-After, `busyMessage` — when attempts in flight fill what
   * is left: parallel correct logins lock nothing (outside checker sec52 H1: 22 parallel correct logins from one
   * address locked it out for 15 minutes with 「失败次数过多」).
   */
  async reserve(limit: Limit, key: string): Promise<Attempt> {
    return this.count(limit, key, true);
  }

  private async count(limit: Limit, key: string, reserve: boolean): Promise<Attempt> {
    const now = this.clock.now().getTime();
    const hash = this.hash(limit, key);
    const until = this.refusedUntil.get(hash);
    if (until !== undefined && until > now) throw this.refusal(limit, until - now);
    const since = new Date(now - limit.windowMs).toISOString();
    const pendingSince = reserve ? new Date(now - IN_FLIGHT_MS).toISOString() : undefined;
    const r = await this.store.take(this.knex, limit.bucket, hash, new Date(now).toISOString(), since, limit.max, pendingSince);
    if (!r.taken) {
      if (r.busy) throw Object.assign(tooManyRequests(limit.busyMessage ?? limit.message(1), BUSY_RETRY_SECONDS), { inFlight: true });
      const wait = Date.parse(r.oldest ?? since) + limit.windowMs - now;
      if (limit.rememberRefusals) this.remember(hash, now + wait, now);
      throw this.refusal(limit, wait);
    }
    await this.prune(now);
    let settled = false;
    return {
      count: r.count,
      release: async () => {
        if (settled) return;
        settled = true;
        await this.store.remove(this.knex, r.id);
      },
      fail: async () => {
        if (settled || !reserve) return r.count;
        settled = true;
        await this.store.confirm(this.knex, r.id, limit.bucket);
        const at = this.clock.now().getTime();
        const n = await this.store.recent(this.knex, limit.bucket, hash, new Date(at - limit.windowMs).toISOString());
        return n.count;
      },
    };
  }

  private refusal(limit: Limit, waitMs: number) {
    const retry = Math.max(1, Math.ceil(waitMs / 1000));
    return tooManyRequests(limit.message(Math.ceil(retry / 60)), retry);
  }

  private remember(hash: string, until: number, now: number): void {
    if (this.refusedUntil.size >= REMEMBERED_MAX) {
      for (const [k, u] of this.refusedUntil) if (u <= now) this.refusedUntil.delete(k);
      if (this.refusedUntil.size >= REMEMBERED_MAX) return;
    }
    this.refusedUntil.set(hash, until);
  }

  async reset(limit: Limit, key: string): Promise<void> {
    await this.store.clear(this.knex, limit.bucket, this.hash(limit, key));
  }

  /**
   * Records that something happened to a key now (one row, the last: an admin's password reset of an account), kept
   * for the limit's window — `lastMark` reads it back: counters keyed with it start afresh after each mark.
   */
  async mark(limit: Limit, key: string): Promise<void> {
    const hash = this.hash(limit, key);
    await this.store.clear(this.knex, limit.bucket, hash);
    const now = this.clock.now().getTime();
    await this.store.take(this.knex, limit.bucket, hash, new Date(now).toISOString(), new Date(now - limit.windowMs).toISOString(), 1);
  }

  /** When `mark` last recorded the key within the limit's window, or null. */
  async lastMark(limit: Limit, key: string): Promise<string | null> {
    const now = this.clock.now().getTime();
    const r = await this.store.recent(this.knex, limit.bucket, this.hash(limit, key), new Date(now - limit.windowMs).toISOString());
    return r.count ? r.oldest : null;
  }

  private async prune(now: number): Promise<void> {
    if (now - this.lastPrune < PRUNE_EVERY_MS && now >= this.lastPrune) return;
    this.lastPrune = now;
    await this.store.prune(this.knex, new Date(now - this.horizonMs).toISOString());
  }
}
