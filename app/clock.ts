/**
 * The only source of "now" in the application. Rules and handlers receive a Clock; tests pin it.
 * China has one time zone (UTC+8, no daylight saving), so the civil date is UTC + 8 h.
 */
export interface Clock {
  now(): Date;
  /** Today's date in China Standard Time, YYYY-MM-DD. */
  today(): string;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => cstDate(new Date()),
};

/** A clock tests can pin and move. */
export class FixedClock implements Clock {
  private t: number;
  constructor(iso: string) {
    this.t = Date.parse(iso);
    if (Number.isNaN(this.t)) throw new Error(`bad instant ${iso}`);
  }
  now(): Date {
    return new Date(this.t);
  }
  today(): string {
    return cstDate(new Date(this.t));
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
