// A site's throttling as the vendor's guide describes it (maxio-guides/error-handling.md): 4 requests
// processed at once and the rest queued behind them; past an optional sustained rate, requests slowed
// (held, then served in order) rather than refused; a 429 only when the queue of waiting requests is full.
import { InputError } from '../../../errors.js';
import { ConcurrencyGate } from './gate.js';

/** A sustained rate a site serves without slowing, and the burst it lets through at once. */
export interface RateLimit {
  /** Requests a second, sustained (above 0). */
  perSecond: number;
  /** Requests that may arrive at once without being slowed (at least 1). */
  burst: number;
}

export interface ThrottleOptions {
  /** Requests processed at once (the API's limit is 4). */
  concurrency: number;
  /** Requests that may wait, for a slot or because they are slowed, before the site answers 429. */
  queueLimit: number;
  /** Absent: no rate-based slowing (the guide gives no rate: only concurrency is limited). */
  rate?: RateLimit;
}

type Release = () => void;

/**
 * Every request to the site counts (one sandbox is one site, the guide's "per subdomain"), whatever its
 * path; one refused with 429 does not: it is not processed and takes no place in the rate.
 */
export class SiteThrottle {
  private readonly gate: ConcurrencyGate;
  /** Requests admitted and not yet holding a slot: slowed, or queued for a slot. */
  private waiting = 0;
  /** The rate's theoretical arrival time (GCRA, in performance.now() milliseconds). */
  private theoreticalArrival = 0;

  constructor(
    private readonly options: ThrottleOptions,
    private readonly timers: Set<NodeJS.Timeout>,
  ) {
    // The throttle counts what waits; the gate only hands out slots in order.
    this.gate = new ConcurrencyGate({ concurrency: options.concurrency, queueLimit: Number.POSITIVE_INFINITY });
  }

  /** A slot (call the release when done), or undefined when the request must be answered 429. */
  acquire(): Promise<Release> | undefined {
    const now = performance.now();
    const delay = this.slowedBy(now);
    const mustWait = delay > 0 || this.gate.active >= this.options.concurrency;
    if (mustWait && this.waiting >= this.options.queueLimit) return undefined;
    this.takeRate(now);
    if (!mustWait) return this.gate.acquire();
    this.waiting += 1;
    return this.after(delay).then(async () => {
      const release = await this.gate.acquire();
      this.waiting -= 1;
      if (release === undefined) throw new Error('the slot gate refused a request it had no queue limit for');
      return release;
    });
  }

  /** How long a request arriving now is slowed by the rate (0: it conforms). */
  private slowedBy(now: number): number {
    const rate = this.options.rate;
    if (rate === undefined) return 0;
    const interval = 1000 / rate.perSecond;
    const tolerance = (rate.burst - 1) * interval;
    return Math.max(0, Math.max(this.theoreticalArrival, now) - tolerance - now);
  }

  private takeRate(now: number): void {
    const rate = this.options.rate;
    if (rate !== undefined) this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + 1000 / rate.perSecond;
  }

  private after(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

/** `10` or `10:20`: requests a second, and the burst let through at once (default: one second's worth). */
export function parseRateLimit(text: string): RateLimit {
  const match = /^(\d+(?:\.\d+)?)(?::(\d+))?$/.exec(text.trim());
  const perSecond = match === null ? 0 : Number(match[1]);
  const burst = match?.[2] === undefined ? Math.max(1, Math.ceil(perSecond)) : Number(match[2]);
  if (match === null || !(perSecond > 0) || burst < 1) {
    throw new InputError('bad-rate-limit', `--rate-limit: cannot read '${text}'`, { hint: 'Use requests a second above 0, optionally with a burst of at least 1: 10 or 10:20.' });
  }
  return { perSecond, burst };
}

/** `--queue-limit N`: how many requests may wait before 429, a whole number from 0. */
export function parseQueueLimit(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InputError('bad-queue-limit', `--queue-limit must be a whole number from 0, got '${text}'`);
  return Number(text.trim());
}
