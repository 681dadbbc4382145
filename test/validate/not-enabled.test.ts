// "Set to TRUE to enable Smart Template Validation": a row whose enabling cells are blank or FALSE is
// not validated — however wrong its other cells are — but a blank enabler on a row with data is
// said (one warning), and an enabling value that is neither TRUE nor FALSE is an error. Every kind.
import { describe, expect, it } from 'vitest';
import { blankHeader } from '../../src/templates/header.js';
import { TEMPLATE_KINDS, getTemplate } from '../../src/templates/index.js';
import { runRows } from '../rules/helpers.js';

describe('rows that are not enabled', () => {
  it.each([...TEMPLATE_KINDS])('%s: garbage in every cell but the enabling ones is not validated, only noted', (kind) => {
    const template = getTemplate(kind);
    const enabling = new Set(template.enabledWhen.map((condition) => condition.column));
    const header = blankHeader(template);
    const flags = new Set(template.enabledWhen.filter((condition) => condition.is !== undefined).map((condition) => condition.column));
    /** `value` in the enabling cells (only the TRUE/FALSE ones when `flagsOnly`), garbage elsewhere. */
    const garbage = (value: string, flagsOnly = false): Record<string, string> =>
      Object.fromEntries(header.map((name) => [name, enabling.has(name) ? (flagsOnly && !flags.has(name) ? '' : value) : ' !! not valid !! ']));
    const byFlag = flags.size > 0;
    const project = (rows: Array<Record<string, string>>) =>
      runRows(kind, rows).filter((finding) => finding.row > 1).map(({ row, rule, messageId, severity }) => ({ row, rule, messageId, severity }));

    // Blank enablers: one warning per row, nothing about the garbage.
    expect(project([garbage(''), garbage('   ')])).toEqual([2, 3].map((row) => ({ row, rule: 'row-enabled', messageId: 'notEnabled', severity: 'warning' })));
    // FALSE (any case) leaves the row out on purpose: nothing at all.
    if (byFlag) expect(project([garbage('FALSE', true), garbage('false ', true)])).toEqual([]);
    // A value that is neither: one error naming it, still nothing about the garbage.
    if (byFlag) expect(project([garbage('Yes', true)])).toEqual([{ row: 2, rule: 'row-enabled', messageId: 'notTrueFalse', severity: 'error' }]);
    // The same garbage in an enabled row is reported, so the checks above can fail.
    const enabled = Object.fromEntries([...enabling].map((name) => [name, name.startsWith('create_') ? 'TRUE' : 'x']));
    expect(runRows(kind, [{ ...garbage(''), ...enabled }]).filter((finding) => finding.rule !== 'row-enabled').length).toBeGreaterThan(0);
  });
});
