// Interrupts (Ctrl-C, SIGTERM, SIGHUP) around the part of a run that sends, and around prompts: the
// commands' logic only sees an AbortSignal.
import { ExitCode } from '../../errors.js';
import { wrapForStream } from '../reporters/wrap-text.js';

/** What ends a run from outside: Ctrl-C in a terminal, `kill`, and the terminal closing. */
const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Calls `onInterrupt` for every interrupt while `body` runs. The listeners stay registered until
 * `body` ends, whatever `onInterrupt` does: the spinner's cursor restorer (ora → cli-cursor →
 * restore-cursor → signal-exit) also listens, and signal-exit re-raises the signal — killing the
 * process before the results are written — as soon as it finds itself the only listener left.
 */
export async function whileInterruptible<T>(onInterrupt: (signal: NodeJS.Signals) => void, body: () => Promise<T>): Promise<T> {
  for (const name of INTERRUPTS) process.on(name, onInterrupt);
  try {
    return await body();
  } finally {
    for (const name of INTERRUPTS) process.off(name, onInterrupt);
  }
}

/**
 * Runs with interrupt handling: the first interrupt stops scheduling and lets in-flight requests
 * finish (results are written, the run record closed as interrupted, exit 130); a second one leaves
 * at once with exit 130 — the journal already holds every intent, so the next run reconciles them.
 */
export async function runWithInterrupts<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = (): void => {
    if (!controller.signal.aborted) {
      process.stderr.write(`\n${wrapForStream('Stopping: letting requests in flight finish, then writing results (Ctrl-C again to leave now)…', process.stderr)}\n`);
      controller.abort();
      return;
    }
    process.stderr.write(`\n${wrapForStream('Leaving now: every request sent is journaled; run the same command again to resume.', process.stderr)}\n`);
    process.exit(ExitCode.interrupted);
  };
  return whileInterruptible(onInterrupt, () => body(controller.signal));
}
