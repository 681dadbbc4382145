// The error the mapping throws when a row cannot become an operation: it names the file, row and column
// so the engine can mark the row failed with one clear message instead of stopping the run.
import { ExitCode, MigrateError } from '../errors.js';
import type { SourceRow } from './operation.js';

export class RowError extends MigrateError {
  constructor(source: SourceRow, column: string | undefined, message: string, hint?: string) {
    super('row-not-importable', message, {
      exitCode: ExitCode.rowErrors,
      location: { file: source.file, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}), row: source.row, line: source.line, column },
      hint,
    });
    this.name = 'RowError';
  }
}
