// Paces the requests to one ChartMogul account: at most `perSecond` sent in any window of a second (plus
// a margin for jitter on the way), at most `maxInFlight` at once, and none while a 429's pause lasts.
import { performance } from 'node:perf_hooks';

/**
 * A second, plus room for jitter: two requests sent a second apart may reach the server less than a
 * second apart (the first delayed on its way), and the server counts arrivals. 50 ms covers a busy
 * event loop and most networks at a twentieth of the published rate (100 ms cost a tenth: 36 of 40
 * calls a second in `npm run bench -- chartmogul`); a 429 that still comes is waited out and retried.
 */
export const PACING_WINDOW_MS = 1050;

export interface PacerLimits {
  perSecond: number;
  maxInFlight: number;
}

export class RequestPacer {
  /** When each request of the current window was let go, oldest first (never more than perSecond). */
  private readonly sent: number[] = [];
  private readonly waiters: Array<() => void> = [];
  private active = 0;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private limits: PacerLimits,
    private readonly windowMs = PACING_WINDOW_MS,
  ) {}

  get current(): Readonly<PacerLimits> {
    return this.limits;
  }

  /** A later client of the same account may only lower the limits, never raise them past another's. */
  tighten(limits: PacerLimits): void {
    this.limits = {
      perSecond: Math.min(this.limits.perSecond, limits.perSecond),
      maxInFlight: Math.min(this.limits.maxInFlight, limits.maxInFlight),
    };
  }

  /** Waits for the request's turn, first come first served; the caller must call release() once after. */
  acquire(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.drain();
    });
  }

  release(): void {
    this.active -= 1;
    this.drain();
  }

  /** Holds every request not yet sent for `ms` (a 429, with or without Retry-After). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, performance.now() + ms);
  }

  private drain(): void {
    const now = performance.now();
    while (this.sent.length > 0 && now - this.sent[0]! >= this.windowMs) this.sent.shift();
    while (this.waiters.length > 0 && this.active < this.limits.maxInFlight && this.sent.length < this.limits.perSecond && now >= this.pausedUntil) {
      this.active += 1;
      this.sent.push(now);
      this.waiters.shift()!();
    }
    this.schedule(now);
  }

  /**
   * Wakes the waiters when the window or a pause, not a release, is what holds them: a release drains
   * by itself. At least 1 ms, and drain() looks again, so a timer that fires early only re-arms.
   */
  private schedule(now: number): void {
    if (this.waiters.length === 0 || this.active >= this.limits.maxInFlight || this.timer !== undefined) return;
    const windowFree = this.sent.length < this.limits.perSecond ? now : this.sent[0]! + this.windowMs;
    const at = Math.max(windowFree, this.pausedUntil);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.drain();
    }, Math.max(1, Math.ceil(at - now)));
  }
}
