// The marks an annotated workbook puts on a cell with findings (a fill and a note), and how a later run
// recognises its own marks on a copy it wrote before, so re-running over its output replaces them.
import type { Cell, CellModel, Comment, Fill, FillPattern, RichText } from 'exceljs';

/**
 * Every line of a note the toolkit writes starts with this. A later run removes exactly those lines
 * (and the blank line after them) and keeps whatever else the note says: the user's own note.
 */
export const NOTE_MARKER = '[migrate] ';

export type FindingSeverity = 'error' | 'warning';

export interface CellFinding {
  message: string;
  severity: FindingSeverity;
}

/**
 * Fill colours (ARGB) of a cell with an error, and a lighter one for warnings: Excel's own "Bad" and
 * "Neutral" cell styles. The note says the same in words, so nothing is told by colour alone.
 */
export const HIGHLIGHT_FILLS: Readonly<Record<FindingSeverity, string>> = { error: 'FFFFC7CE', warning: 'FFFFEB9C' };

const SEVERITY_WORD: Readonly<Record<FindingSeverity, string>> = { error: 'Error', warning: 'Warning' };

type Note = string | Comment;

/**
 * Highlights `cell` with the fill of its worst finding and sets its note to one line per finding, each
 * starting with NOTE_MARKER; a note of the user's on the cell is kept after a blank line. Call
 * `clearOwnMarks` first so an earlier run's lines are not kept as the user's.
 */
export function markCell(cell: Cell, findings: readonly CellFinding[]): void {
  const worst: FindingSeverity = findings.some((finding) => finding.severity === 'error') ? 'error' : 'warning';
  const lines = findings.map(({ message, severity }) => `${NOTE_MARKER}${SEVERITY_WORD[severity]}: ${message.replace(/\s*[\r\n]+\s*/g, ' ')}`).join('\n');
  const users = cell.note as Note | undefined;
  if (users === undefined) cell.note = lines;
  else if (typeof users === 'string' || users.texts === undefined) cell.note = `${lines}\n\n${noteText(users)}`;
  // Our lines as a run of their own before the user's runs, which keep their formatting.
  else cell.note = { ...users, texts: [{ text: `${lines}\n\n` }, ...users.texts] };
  // A new style object: exceljs shares one style object among all the cells read with the same style.
  cell.style = { ...cell.style, fill: solidFill(HIGHLIGHT_FILLS[worst]) };
}

/**
 * Removes an earlier run's marks from `cell`: the note's lines that start with NOTE_MARKER (the note goes
 * when nothing else is left) and, on such a cell, a fill that is one of HIGHLIGHT_FILLS, which becomes
 * `underlyingFill` (the row's or column's, else none). A fill the user chose since is left alone.
 */
export function clearOwnMarks(cell: Cell, underlyingFill: () => Fill | undefined): void {
  const note = cell.note as Note | undefined;
  if (note === undefined || !noteText(note).startsWith(NOTE_MARKER)) return;
  const users = withoutOwnLines(note);
  if (users === undefined) removeNote(cell);
  else cell.note = users;
  if (!isHighlight(cell.fill)) return;
  const { fill: _highlight, ...rest } = cell.style;
  const fill = underlyingFill();
  cell.style = fill === undefined ? rest : { ...rest, fill };
}

/** The user's part of a note that starts with the toolkit's lines; undefined when there is none. */
function withoutOwnLines(note: Note): Note | undefined {
  if (typeof note !== 'string' && note.texts !== undefined && note.texts.length > 1 && ownLinesEnd(note.texts[0]!.text) === note.texts[0]!.text.length) {
    return { ...note, texts: note.texts.slice(1) as RichText[] };
  }
  // One run (as written for a plain note, or merged by another program): cut by lines.
  const text = noteText(note);
  const rest = text.slice(ownLinesEnd(text));
  return rest.trim() === '' ? undefined : rest;
}

/** Where the leading NOTE_MARKER lines of `text`, and the blank line after them, end. */
function ownLinesEnd(text: string): number {
  let end = 0;
  while (text.startsWith(NOTE_MARKER, end)) {
    const lineBreak = /\r?\n/.exec(text.slice(end));
    if (lineBreak === null) return text.length;
    end += lineBreak.index + lineBreak[0].length;
  }
  const blank = /^\r?\n/.exec(text.slice(end));
  return blank === null ? end : end + blank[0].length;
}

function noteText(note: Note): string {
  return typeof note === 'string' ? note : (note.texts ?? []).map((run) => run.text).join('');
}

/**
 * exceljs 4.4 has no call that removes a note (an undefined note is written as an empty one): its own
 * row code clears `_comment`, and the cell's value model read from the file holds the note too, so the
 * cell is given its model again without it, as the reader gives a cell its model.
 */
function removeNote(cell: Cell): void {
  (cell as unknown as { _comment: unknown })._comment = undefined;
  const { comment: _note, ...model } = cell.model as CellModel & { comment?: unknown };
  cell.model = model as CellModel;
}

function solidFill(argb: string): FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function isHighlight(fill: Fill | undefined): boolean {
  if (fill?.type !== 'pattern' || fill.pattern !== 'solid') return false;
  const argb = fill.fgColor?.argb?.toUpperCase();
  return argb === HIGHLIGHT_FILLS.error || argb === HIGHLIGHT_FILLS.warning;
}
