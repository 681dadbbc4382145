// Rows the template does not enable are neither validated nor imported. That is only right when the
// user meant it: an enabling cell that says neither TRUE nor FALSE (Yes, 1, x, WAHR) is an error, and
// a row that holds data while nothing enables it gets a warning instead of vanishing without a word.
import type { Condition } from '../templates/types.js';
import type { Rule } from './types.js';
import { readTrueFalse } from './values.js';

/** "create_customer is" / "product_name and attach_to are". */
function blankText(columns: readonly string[]): string {
  return `${columns.join(' and ')} ${columns.length === 1 ? 'is' : 'are'}`;
}

/** What to write to import the row, and how to leave it out on purpose. */
function fixText(flags: readonly string[], named: readonly string[]): string {
  const enable = [...flags.map((name) => `set ${name} to TRUE`), ...named.map((name) => `fill in ${name}`)].join(' or ');
  const leaveOut =
    flags.length === 0 ? 'delete the row' : named.length === 0 && flags.length === 1 ? 'to FALSE to leave it out on purpose' : `set ${flags[0]} to FALSE to leave it out on purpose`;
  return `${enable} to import it, or ${leaveOut}`;
}

export const rowEnabled: Rule = {
  id: 'row-enabled',
  docs: 'A row is validated and imported only when it is enabled (create_customer, create_subscription or create_invoice TRUE; a name on catalog rows). An enabling value other than TRUE or FALSE is an error; a row with data that nothing enables gets a warning.',
  scope: 'row',
  messages: {
    notTrueFalse:
      '{{column}} must be TRUE or FALSE, not "{{value}}", so this row is neither validated nor imported: write TRUE to import it, or FALSE to leave it out.',
    notEnabled: 'This row has data but {{blank}} blank, so it is neither validated nor imported: {{fix}}.',
  },
  check(context) {
    const when = context.options.when as readonly Condition[];
    const ignore = new Set(context.options.ignore as readonly string[]);
    // Every enabling `is` condition is "… is TRUE" (TRUE_ENABLES, create_invoice): a flag column.
    const flags = when.filter((condition) => condition.is !== undefined).map((condition) => condition.column);
    const named = when.filter((condition) => condition.present === true).map((condition) => condition.column);
    const enablers = [...flags, ...named];
    const flagIndexes = flags.map((name) => ({ name, index: context.indexOf(name) })).filter((flag) => flag.index >= 0);
    const reported = enablers.find((name) => context.indexOf(name) >= 0) ?? enablers[0] ?? '';
    const data: number[] = [];
    context.header.forEach((name, index) => {
      if (name.trim() !== '' && !ignore.has(name) && !enablers.includes(name) && context.indexOf(name) === index) data.push(index);
    });
    const notEnabled = { column: reported, value: '', severity: 'warning' as const, data: { blank: blankText(enablers), fix: fixText(flags, named) } };
    return {
      skipped(cells, record) {
        let leftOut = false;
        for (const flag of flagIndexes) {
          const reading = readTrueFalse(cells[flag.index]);
          if (reading === 'invalid') {
            context.report(cells, record, { messageId: 'notTrueFalse', column: flag.name, value: cells[flag.index] ?? '' });
            return;
          }
          if (reading === 'false') leftOut = true;
        }
        if (leftOut) return;
        for (const index of data) {
          if ((cells[index] ?? '').trim() !== '') {
            context.report(cells, record, { messageId: 'notEnabled', ...notEnabled });
            return;
          }
        }
      },
    };
  },
};
