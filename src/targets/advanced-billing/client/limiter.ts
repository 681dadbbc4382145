// The per-site concurrency limit: a semaphore whose size backs off when the site answers 429 and
// creeps back after successes (AIMD), plus a site-wide pause that honours Retry-After.

/** Requests that must succeed in a row before the limit grows by one again. */
const SUCCESSES_PER_STEP = 25;

export class AdaptiveLimiter {
  private active = 0;
  private limit: number;
  private successStreak = 0;
  private pausedUntil = 0;
  private readonly waiters: Array<() => void> = [];
  private pauseTimer: NodeJS.Timeout | undefined;

  constructor(private ceiling: number) {
    this.limit = ceiling;
  }

  /** Current number of requests allowed in flight. */
  get currentLimit(): number {
    return this.limit;
  }

  get inFlight(): number {
    return this.active;
  }

  /** A later client on the same site may only tighten the ceiling, never raise it past another's. */
  tighten(ceiling: number): void {
    if (ceiling < this.ceiling) {
      this.ceiling = ceiling;
      this.limit = Math.min(this.limit, ceiling);
    }
  }

  /** Waits for a slot; the caller must call release() exactly once afterwards. */
  acquire(): Promise<void> {
    if (this.waiters.length === 0 && this.canStart()) {
      this.active += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiters.push(() => {
        this.active += 1;
        resolve();
      });
      this.schedulePauseEnd();
    });
  }

  release(): void {
    this.active -= 1;
    this.drain();
  }

  /** The site answered normally: after a streak of these, allow one more request in flight. */
  recordSuccess(): void {
    if (this.limit >= this.ceiling) return;
    this.successStreak += 1;
    if (this.successStreak >= SUCCESSES_PER_STEP) {
      this.successStreak = 0;
      this.limit += 1;
      this.drain();
    }
  }

  /**
   * The site answered 429: halve the limit (never below 1) and hold every request until `pauseMs`
   * passes. 429s that arrive while the site is already paused belong to the same congestion and do
   * not halve it again; 429s that continue after the pause do.
   */
  recordThrottle(pauseMs: number): void {
    this.successStreak = 0;
    if (Date.now() >= this.pausedUntil) this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.pauseFor(pauseMs);
  }

  /** Holds new requests to this site for `ms` (a Retry-After, or the backoff after a 429). */
  pauseFor(ms: number): void {
    const until = Date.now() + ms;
    if (until > this.pausedUntil) this.pausedUntil = until;
  }

  private canStart(): boolean {
    return this.active < this.limit && Date.now() >= this.pausedUntil;
  }

  private drain(): void {
    while (this.waiters.length > 0 && this.canStart()) {
      const next = this.waiters.shift();
      next?.();
    }
    this.schedulePauseEnd();
  }

  /**
   * Wakes the waiters when nothing else will: a release drains while requests are in flight, so only
   * a free slot held back by a pause needs a timer. At least 1 ms, because the pause may have ended
   * between canStart()'s clock reading and this one — without the timer nobody would drain again.
   */
  private schedulePauseEnd(): void {
    if (this.waiters.length === 0 || this.pauseTimer !== undefined || this.active >= this.limit) return;
    const wait = Math.max(1, this.pausedUntil - Date.now());
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = undefined;
      this.drain();
    }, wait);
  }
}
