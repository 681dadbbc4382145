// Progress of a long import on stderr: an ora spinner line on a terminal (done/total, rate, ETA,
// errors so far, and a passing note such as a retry's wait), a plain line every few seconds otherwise
// (CI logs, and one at once for each note of a second or more), nothing when quiet.
import { currentNote, followNotes, LASTING_NOTE_MS } from '../progress/notes.js';
import { startSpinner } from '../progress/spinner.js';

export interface Progress {
  /** One more object settled; `earlier` when an earlier run had already done it (no work of this run). */
  tick(failed: boolean, earlier?: boolean): void;
  /** Replaces the line with a final one (or clears it). */
  stop(): void;
}

export interface ProgressOptions {
  total: number;
  stream: NodeJS.WriteStream;
  /** Seconds between plain lines when the stream is not a terminal. */
  intervalSeconds?: number;
  quiet?: boolean;
}

/**
 * The progress line. `earlier` objects were done by an earlier run and settle at once: they count as
 * done but not in the rate, or a resumed run would promise an ETA it cannot keep.
 */
export function formatProgress(done: number, total: number, errors: number, elapsedMs: number, earlier = 0): string {
  const rate = elapsedMs > 0 ? ((done - earlier) * 1000) / elapsedMs : 0;
  const left = total - done;
  const eta = rate > 0 ? `${Math.ceil(left / rate)} s left` : 'estimating';
  return `${done}/${total} objects · ${rate.toFixed(1)}/s · ${eta} · ${errors} error${errors === 1 ? '' : 's'}`;
}

export function createProgress(options: ProgressOptions): Progress {
  const started = Date.now();
  let done = 0;
  let errors = 0;
  let earlier = 0;
  const line = (): string => {
    const note = currentNote();
    return `${formatProgress(done, options.total, errors, Date.now() - started, earlier)}${note === undefined ? '' : ` · ${note}`}`;
  };
  const tick = (failed: boolean, doneEarlier = false): void => {
    done += 1;
    if (failed) errors += 1;
    if (doneEarlier) earlier += 1;
  };
  if (options.quiet || options.total === 0) {
    return { tick: () => undefined, stop: () => undefined };
  }
  const spinner = startSpinner(line(), options.stream);
  if (spinner) {
    const timer = setInterval(() => (spinner.text = line()), 250);
    timer.unref();
    const unfollow = followNotes(() => (spinner.text = line()));
    return {
      tick,
      stop() {
        clearInterval(timer);
        unfollow();
        spinner.stop();
      },
    };
  }
  const timer = setInterval(() => options.stream.write(`progress: ${line()}\n`), (options.intervalSeconds ?? 5) * 1000);
  timer.unref();
  const unfollow = followNotes((_note, ms) => {
    if (ms >= LASTING_NOTE_MS) options.stream.write(`progress: ${line()}\n`);
  });
  return {
    tick,
    stop() {
      clearInterval(timer);
      unfollow();
      if (done > 0) options.stream.write(`progress: ${line()}\n`);
    },
  };
}
