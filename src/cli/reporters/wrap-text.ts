// Human text laid out for the terminal it is shown on: long lines wrapped at word boundaries to the
// terminal's width, never mid-word. Output that is not a terminal (pipes, files, CI logs) stays as
// it is, one line per item, so scripts and greps keep working; JSON, GitHub and JUnit never come here.
import { stripVTControlCharacters } from 'node:util';

/** Continuation lines of text that is not in columns are indented this much past the line's own indentation. */
const HANGING = 2;
/** Continuation lines keep at least this many columns for text, whatever the indentation. */
const MIN_TEXT = 20;

/** The width to wrap output for `stream` at: its columns on a terminal that reports them, else undefined (do not wrap). */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  return stream.isTTY === true && Number.isInteger(stream.columns) && stream.columns! > 0 ? stream.columns : undefined;
}

/** `text` wrapped for `stream` when it is a terminal (see terminalWidth); unchanged otherwise. */
export function wrapForStream(text: string, stream: { isTTY?: boolean; columns?: number }): string {
  const width = terminalWidth(stream);
  return width === undefined ? text : wrapText(text, width);
}

/** How many columns `text` takes: escape sequences (colour) take none; one column per code point. */
export function visibleWidth(text: string): number {
  return [...stripVTControlCharacters(text)].length;
}

/**
 * Each line of `text` no wider than `width`, broken only between words. A continuation lines up with
 * the line's last aligned column (text after two or more spaces, as in a table) when that leaves
 * room, else with the line's own indentation plus a hanging indent; runs of spaces inside a line are
 * kept where no break falls. A single word wider than the line (a long URL or path) stays whole on a
 * line of its own: a link cut in two cannot be copied.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapLine(line, width))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  if (visibleWidth(line) <= width) return line;
  // Words and the runs of spaces between them, alternating; the indentation (and any escape codes
  // before it) stays with the first word.
  const parts = line.split(/( +)/);
  const leading = visibleWidth(parts[0]!) === 0 && parts.length > 2 ? 3 : 1;
  const lines: string[] = [];
  let current = parts.slice(0, leading).join('');
  let continuation: string | undefined;
  let column: number | undefined;
  let aligned = false;
  for (let index = leading; index < parts.length; index += 2) {
    const gap = parts[index]!;
    const word = parts[index + 1] ?? '';
    if (visibleWidth(current) + gap.length + visibleWidth(word) <= width) {
      // A column starts at the first visible word after two or more spaces (colour codes take no room).
      aligned ||= lines.length === 0 && gap.length >= 2;
      if (aligned && visibleWidth(word) > 0) {
        column = visibleWidth(current) + gap.length;
        aligned = false;
      }
      current += gap + word;
    } else if (word !== '') {
      continuation ??= ' '.repeat(continuationIndent(line, width, column));
      lines.push(current);
      current = continuation + word;
    }
  }
  lines.push(current);
  return lines.join('\n');
}

/** Where continuation lines start: the aligned column if it leaves MIN_TEXT columns, else indentation + HANGING (as room allows). */
function continuationIndent(line: string, width: number, column: number | undefined): number {
  if (column !== undefined && column + MIN_TEXT <= width) return column;
  const indent = /^ */.exec(stripVTControlCharacters(line))![0].length;
  return indent + HANGING + MIN_TEXT <= width ? indent + HANGING : Math.max(0, Math.min(indent, width - MIN_TEXT));
}
