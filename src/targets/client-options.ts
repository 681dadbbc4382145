// What every target's HTTP client takes: its limits (ClientOptions), and each wait between retries as it
// announces it (onWait), so whoever draws the progress line can say why a run is quiet and for how
// long: "waiting 60 s: the site asked to retry later (429), retry 2/6".
export interface RetryWait {
  /** How long the call waits before its next attempt. */
  seconds: number;
  /** Why, in words: "the site asked to retry later (429)", "the site answered 503", "no whole answer within 2 s". */
  reason: string;
  /** The retry this wait leads to (1-based) and the operation's most. */
  attempt: number;
  max: number;
  /** The call (method and path, no query string). */
  call: string;
}

/** The wait as one short line. */
export function describeWait(wait: RetryWait): string {
  return `waiting ${duration(wait.seconds)}: ${wait.reason}, retry ${wait.attempt}/${wait.max}`;
}

/** "60 s", "2.5 s", or "40 ms" for a backoff step too short to count in seconds. */
function duration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  return `${Number.isInteger(seconds) || seconds >= 10 ? Math.round(seconds) : seconds.toFixed(1)} s`;
}

/** The limits and observers of a target's HTTP client, as the CLI configures them; each client reads what applies to it. */
export interface ClientOptions {
  /** Requests in flight to this site, 1..4 (default 4, the documented per-site limit). */
  concurrency?: number;
  /** Deadline of one attempt for its whole answer, headers and body (default 120 s, the server's own cut-off). */
  timeoutMs?: number;
  /** Retries per operation for 429, 5xx, timeouts and dropped connections (default 6), its 409 handling included. */
  maxRetries?: number;
  /** First backoff step (default 500 ms); doubles per retry up to backoffMaxMs (default 30 s). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Longest Retry-After the client honours (default 60 s); a longer one is waited only this long. */
  retryAfterMaxMs?: number;
  /**
   * How long a 429 without Retry-After holds every request to the site (default 2 minutes: the vendor
   * guide's "pause, wait a few minutes, then proceed slower"); the site's in-flight limit is halved too.
   */
  throttlePauseMs?: number;
  /** Most an operation waits between its retries in all (default 5 minutes); then it fails with its last answer. */
  retryWaitTotalMs?: number;
  /** Largest answer body read (default 32 MiB); a larger one fails the call without being read whole. */
  maxAnswerBytes?: number;
  /** Told of every wait before a retry, so the progress line can show it. */
  onWait?: (wait: RetryWait) => void;
  /** Receives one line per request attempt; never the API key or a full payment credential. */
  logger?: (line: string) => void;
  /** Also log request and response bodies (credentials masked to their last 4 characters). */
  debug?: boolean;
  /** Source of jitter (tests pass a fixed one). */
  random?: () => number;
}
