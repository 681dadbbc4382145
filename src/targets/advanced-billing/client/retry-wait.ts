// A wait between retries as the client announces it (ClientOptions.onWait), so whoever draws the
// progress line can say why a run is quiet and for how long: "waiting 60 s: the site asked to retry
// later (429), retry 2/6".
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
