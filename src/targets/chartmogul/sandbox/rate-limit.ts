// ChartMogul's published limits: 40 requests a second per account (429 past it) and at most 20 parallel
// connections (503 past them). A fixed one-second window counts requests, as "per second" reads.

export class RateLimiter {
  private windowStart = 0;
  private count = 0;

  constructor(private readonly perSecond: number) {}

  /** True when a request arriving at `nowMs` (a monotonic time) is within the limit, and counts it. */
  admit(nowMs: number): boolean {
    if (nowMs - this.windowStart >= 1000) {
      this.windowStart = nowMs;
      this.count = 0;
    }
    if (this.count >= this.perSecond) return false;
    this.count += 1;
    return true;
  }
}
