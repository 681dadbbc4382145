// The one line a CSV file that cannot be read ends in: system errors (missing, forbidden, a folder)
// and syntax problems (quotes, cells over the limit) as InputErrors naming the file, row and column.
import { InputError, MigrateError } from '../errors.js';
import { columnLetters } from '../workbook/cell-address.js';
import { CsvSyntaxProblem, MAX_CELL_BYTES, MAX_CELLS } from './parser.js';

/** "7 (G)": the 1-based position and the spreadsheet letter users see. */
export function columnLabel(index: number): string {
  return `${index + 1} (${columnLetters(index + 1)})`;
}

/** A column as the user knows it: its header name, or its position where the header has none. */
export function columnName(header: readonly string[] | undefined, index: number): string {
  const name = header?.[index];
  return name !== undefined && name !== '' ? name : columnLabel(index);
}

/** The InputError a failed read ends in; `header` names the column of a cell over the limit. */
export function asInputError(error: unknown, file: string, header?: readonly string[]): Error {
  if (error instanceof MigrateError) return error;
  if (error instanceof CsvSyntaxProblem) return syntaxError(error, file, header);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return new InputError('csv-unreadable', 'No such file.', { location: { file }, hint: 'Check the path and the spelling of the file name.' });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new InputError('csv-unreadable', 'Permission denied when reading the file.', { location: { file }, hint: 'Check the file permissions.' });
  }
  if (code === 'EISDIR') {
    return new InputError('csv-unreadable', 'This is a folder, not a CSV file.', { location: { file }, hint: 'Give a .csv file.' });
  }
  if (typeof code === 'string') {
    return new InputError('csv-unreadable', `The file cannot be read (${code}).`, { location: { file }, cause: error });
  }
  // Anything else is a bug in this module: let it surface as an internal error.
  return error instanceof Error ? error : new Error(String(error));
}

function syntaxError(problem: CsvSyntaxProblem, file: string, header: readonly string[] | undefined): InputError {
  const location = { file, row: problem.recordNumber, line: problem.line };
  switch (problem.kind) {
    case 'unclosed-quote':
      return new InputError('csv-unclosed-quote', `A quote opened on line ${problem.line} is never closed${problem.line === problem.recordLine ? '' : ` (the row starts on line ${problem.recordLine})`}.`, {
        location,
        hint: 'Close the quote, or double any quote inside a quoted cell ("" stands for one ").',
      });
    case 'text-after-quote':
      return new InputError('csv-invalid-quote', 'A quoted cell has text after its closing quote.', {
        location,
        hint: 'Put the whole cell in quotes and double every quote inside it ("" stands for one ").',
      });
    case 'too-many-cells':
      return new InputError('csv-too-many-cells', `This row has more than ${MAX_CELLS.toLocaleString('en-US')} cells, more columns than any spreadsheet has.`, {
        location,
        hint: 'Check that this is a CSV template file and that its delimiter is the one used in the header.',
      });
    case 'cell-too-long': {
      const { index, bytes } = problem.cell!;
      const limit = `${MAX_CELL_BYTES / (1 << 20)} MB (${MAX_CELL_BYTES.toLocaleString('en-US')} bytes)`;
      return new InputError('csv-cell-too-long', `This cell holds ${bytes.toLocaleString('en-US')} bytes, over the limit of ${limit}: more than any spreadsheet cell holds.`, {
        location: { ...location, column: columnName(header, index) },
        hint: 'Check that this is a CSV template file and that its quotes are balanced; spreadsheet cells are never that long.',
      });
    }
  }
}
