// The per-site concurrency limit of the real API: at most 4 requests are processed at once, a few more
// wait in a short queue, and beyond that the site answers 429.

interface GateOptions {
  /** Requests processed at once (the API's limit is 4). */
  concurrency: number;
  /** Requests that may wait for a slot before the gate refuses with 429. */
  queueLimit: number;
}

type Release = () => void;

export class ConcurrencyGate {
  private inFlight = 0;
  private readonly waiting: Array<(release: Release) => void> = [];

  constructor(private readonly options: GateOptions) {}

  /** A slot (call the release when done), or undefined when both the slots and the queue are full. */
  acquire(): Promise<Release> | undefined {
    if (this.inFlight < this.options.concurrency) {
      this.inFlight += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.options.queueLimit) return undefined;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  get active(): number {
    return this.inFlight;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so inFlight never exceeds the limit.
      if (next) next(this.releaser());
      else this.inFlight -= 1;
    };
  }
}
