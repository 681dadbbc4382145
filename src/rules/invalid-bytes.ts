// Bytes that are not UTF-8 in a file read as UTF-8 (a stray byte in an otherwise UTF-8 file): each was
// read as U+FFFD, so the row is refused rather than send "Caf�" to a site; the finding says where.
import { columnName } from '../csv/read-errors.js';
import type { CsvRecord, InvalidCell } from '../csv/types.js';
import type { Severity } from './finding.js';
import type { Rule } from './types.js';

/** "0xE9 at byte offset 57, 0xFC at byte offset 60 and 3 more". */
function listed(cell: InvalidCell): string {
  const shown = cell.sequences.map((sequence) => `${sequence.bytes} at byte offset ${sequence.offset}`);
  const more = cell.count - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export const invalidBytes: Rule = {
  id: 'invalid-bytes',
  docs: 'A file read as UTF-8 has no bytes that are not UTF-8: each is named by row, column and byte offset, and its row is not imported (a row the template does not enable gets a warning).',
  scope: 'row',
  messages: {
    invalid: '{{column}} has bytes that are not UTF-8 ({{sequences}}), read as "\ufffd": retype the character there, or save the file again as "CSV UTF-8".',
    invalidMany: '{{column}} has {{count}} byte sequences that are not UTF-8 ({{sequences}}), each read as "\ufffd": retype those characters, or save the file again as "CSV UTF-8".',
  },
  check(context) {
    const nameOf = (index: number): string => columnName(context.header, index);
    const descriptor = (cell: InvalidCell, value: string, severity: Severity) => ({
      messageId: cell.count === 1 ? 'invalid' : 'invalidMany',
      column: nameOf(cell.column),
      value,
      severity,
      data: { count: cell.count, sequences: listed(cell) },
    });
    const reportRow = (severity: Severity) => (cells: readonly string[], record: CsvRecord) => {
      for (const cell of record.invalid ?? []) context.report(cells, record, descriptor(cell, cells[cell.column] ?? '', severity));
    };
    const header = (context.options.header as InvalidCell[] | undefined) ?? [];
    return {
      start() {
        for (const cell of header) context.reportAt({ row: 1, line: 1, key: '' }, descriptor(cell, context.header[cell.column] ?? '', 'error'));
      },
      row: reportRow('error'),
      // A row that will not be imported sends nothing garbled: a warning, so the file still gets fixed.
      skipped: reportRow('warning'),
    };
  },
};
