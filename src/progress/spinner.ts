// A spinner on stderr only where one can be drawn: a terminal that reports its width. Pipes, CI logs and
// pseudo-terminals that report 0 columns get none (ora's line arithmetic takes 0 columns at face value
// and loops forever writing cursor movements): callers print plain lines there, or nothing.
import ora, { type Ora } from 'ora';

/** True for a terminal with a known, positive width. */
export function canAnimate(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && Number.isInteger(stream.columns) && stream.columns > 0;
}

/** A started spinner, or undefined where none can be drawn. Stdin is left alone (a prompt may follow). */
export function startSpinner(text: string, stream: NodeJS.WriteStream): Ora | undefined {
  return canAnimate(stream) ? ora({ text, stream, discardStdin: false }).start() : undefined;
}
