// A spinner on stderr only where one can be drawn: a terminal that reports its width. Pipes, CI logs and
// pseudo-terminals that report 0 columns get none (ora's line arithmetic takes 0 columns at face value
// and loops forever writing cursor movements): callers print plain lines there, or nothing.
import ora, { type Ora } from 'ora';
import { colorEnabled } from './color.js';

/** True for a terminal with a known, positive width. */
export function canAnimate(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && Number.isInteger(stream.columns) && stream.columns > 0;
}

/**
 * A started spinner, or undefined where none can be drawn. Stdin is left alone (a prompt may follow).
 * Its frame is coloured only where the reports are: ora's chalk ignores NO_COLOR (it does read
 * --no-color from argv), so the colour is turned off here.
 */
export function startSpinner(text: string, stream: NodeJS.WriteStream): Ora | undefined {
  return canAnimate(stream) ? ora({ text, stream, discardStdin: false, color: colorEnabled(undefined, stream) ? 'cyan' : false }).start() : undefined;
}
