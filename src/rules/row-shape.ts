// A row with fewer cells than the header whose missing cells had to be filled: one finding naming its cell
// count against the header's, in place of one "is required" per missing cell (the engine withdraws those).
import { columnLabel } from '../csv/read-errors.js';
import { namedWidth } from '../csv/reader.js';
import type { Finding } from './finding.js';
import type { Rule } from './types.js';

/** Names shown before "and N more": enough to recognise the row's problem, short enough for one line. */
const NAMES_SHOWN = 3;

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
function listed(names: readonly string[]): string {
  if (names.length === 1) return names[0] as string;
  if (names.length <= NAMES_SHOWN) return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, NAMES_SHOWN).join(', ')} and ${names.length - NAMES_SHOWN} more`;
}

export const rowShape: Rule = {
  id: 'row-shape',
  docs: "A row with fewer cells than the header whose missing cells must be filled is one error naming its cell count against the header's, not one per missing cell; a row that only leaves out trailing blank cells is fine.",
  scope: 'row',
  messages: {
    short:
      'This row has {{cells}} cells; the header has {{columns}} columns: the cells from column {{position}}, {{column}}, on are missing, and {{needed}} must be filled there. Look for a missing delimiter, a line break in a cell that is not quoted, or a row cut short by the export, and give the row all its cells.',
  },
  check(context) {
    const columns = namedWidth(context.header);
    return {
      shortRow(cells, record, lacking: readonly Finding[]) {
        const written = record.written as number;
        // Left to right, as the user reads the row (the rules reported them section by section).
        const needed = [...new Set(lacking.map((finding) => finding.column))].sort((a, b) => context.header.indexOf(a) - context.header.indexOf(b));
        context.report(cells, record, {
          messageId: 'short',
          column: context.header[written] as string,
          value: '',
          // As serious as what it stands for: a row that lacked only warned-about cells still imports.
          severity: lacking.some((finding) => finding.severity === 'error') ? 'error' : 'warning',
          data: { cells: written, columns, position: columnLabel(written), needed: listed(needed) },
        });
      },
    };
  },
};
