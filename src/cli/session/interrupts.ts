// Ctrl-C (and SIGTERM) around the part of a run that sends: the commands' logic only sees an AbortSignal.

/**
 * Runs with Ctrl-C handling: the first stops scheduling and lets in-flight requests finish (results
 * are written, exit 130); a second one gets the default action and ends the process at once — the
 * journal already holds every intent, so the next run reconciles them.
 */
export async function runWithInterrupts<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (): void => {
    process.stderr.write('\nStopping: letting requests in flight finish, then writing results (Ctrl-C again to leave now)…\n');
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await body(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
