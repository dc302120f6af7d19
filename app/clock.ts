import { cstDate } from '../workflows/dates.ts';

/**
 * The only source of "now" in the application. Rules and handlers receive a Clock; tests pin it.
 * Today is the day in China Standard Time (workflows/dates.ts cstDate).
 */
export interface Clock {
  now(): Date;
  /** Today's date in China Standard Time, YYYY-MM-DD. */
  today(): string;
}

export { cstDate };

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
