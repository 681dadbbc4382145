// Workbook cells whose formula leaves nothing to read: an error result (`#REF!`, `#N/A`…), or a formula
// the workbook keeps no calculated value for. The reader notes them on the record; the cell reads as ''.
import { columnName } from '../csv/read-errors.js';
import type { CsvRecord, FormulaCell } from '../csv/types.js';
import type { Severity } from './finding.js';
import type { Rule } from './types.js';

export const formulaValue: Rule = {
  id: 'formula-value',
  docs: 'In a workbook, a cell with a formula has a value: not an error (#REF!, #N/A…) and not a formula the workbook was saved without calculating.',
  scope: 'row',
  messages: {
    error: '{{column}} shows the formula error {{value}}: fix the formula in the workbook, or type the value itself.',
    errorUnnamed: "{{column}}'s formula ends in an error (#REF!, #N/A, #VALUE!…): fix the formula in the workbook, or type the value itself.",
    uncalculated: '{{column}} holds the formula {{value}} but the workbook was saved without its result: open it in Excel, LibreOffice or Google Sheets and save it again, or type the value itself.',
  },
  check(context) {
    const nameOf = (index: number): string => columnName(context.header, index);
    const messageId = (cell: FormulaCell) => (cell.problem === 'uncalculated' ? 'uncalculated' : cell.shown === '' ? 'errorUnnamed' : 'error');
    const reportRow = (severity: Severity) => (cells: readonly string[], record: CsvRecord) => {
      for (const cell of record.formulas ?? []) context.report(cells, record, { messageId: messageId(cell), column: nameOf(cell.column), value: cell.shown, severity });
    };
    return {
      row: reportRow('error'),
      // A row that will not be imported sends nothing: a warning, so the sheet still gets fixed.
      skipped: reportRow('warning'),
    };
  },
};
