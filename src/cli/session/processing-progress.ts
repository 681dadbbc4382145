// What compare shows on stderr while a target processes the import: a spinner line redrawn in place on a
// terminal, else a plain line at once and every few seconds (CI logs); a closing line once it is done.
import { invoices } from '../../compare/processing-wait.js';
import { startSpinner } from '../../progress/spinner.js';
import type { ProcessingState } from '../../targets/target.js';
import { wrapForStream } from '../reporters/wrap-text.js';

/** Seconds between plain lines where no line can be redrawn. */
const PLAIN_LINE_SECONDS = 5;

export interface ProcessingProgress {
  onProgress(state: ProcessingState, waitedMs: number): void;
  /** Ends the line; `done` when every invoice is processed (a closing line, if anything was waited for). */
  stop(done?: { state: ProcessingState; waitedMs: number }): void;
}

/** "waiting for ChartMogul to process 12 imported invoices (30 processed) · 4 s of at most 300 s". */
export function formatProcessingWait(system: string, state: ProcessingState, waitedMs: number, limitSeconds: number): string {
  return `waiting for ${system} to process ${invoices(state.pending)} (${state.processed} processed) · ${Math.floor(waitedMs / 1000)} s of at most ${limitSeconds} s`;
}

export function processingProgress(system: string, limitSeconds: number, stream: NodeJS.WriteStream): ProcessingProgress {
  let spinner: ReturnType<typeof startSpinner>;
  let waited = false;
  let lastPlainMs: number | undefined;
  return {
    onProgress(state, waitedMs) {
      if (state.pending === 0 || limitSeconds === 0) return;
      const line = formatProcessingWait(system, state, waitedMs, limitSeconds);
      if (!waited) spinner = startSpinner(line, stream);
      waited = true;
      if (spinner) {
        spinner.text = line;
      } else if (lastPlainMs === undefined || waitedMs - lastPlainMs >= PLAIN_LINE_SECONDS * 1000) {
        stream.write(`${line}\n`);
        lastPlainMs = waitedMs;
      }
    },
    stop(done) {
      spinner?.stop();
      if (done === undefined) return;
      const { state, waitedMs } = done;
      if (state.pending > 0) {
        stream.write(`${wrapForStream(`migrate: warning: ${system} is still processing ${invoices(state.pending)}; comparing the MRR it reports now, which may not be final (--wait 0).`, stream)}\n`);
      } else if (waited) {
        stream.write(`${system} has processed every imported invoice (${state.processed}) after ${Math.round(waitedMs / 1000)} s.\n`);
      }
    },
  };
}
