// "Set to TRUE to enable Smart Template Validation": a row whose enabling cells are blank or FALSE gets
// no errors, however wrong its other cells are — for every kind.
import { describe, expect, it } from 'vitest';
import { blankHeader } from '../../src/templates/header.js';
import { TEMPLATE_KINDS, getTemplate } from '../../src/templates/index.js';
import { runRows } from '../rules/helpers.js';

describe('rows that are not enabled', () => {
  it.each([...TEMPLATE_KINDS])('%s: garbage in every cell but the enabling ones gives no findings', (kind) => {
    const template = getTemplate(kind);
    const enabling = new Set(template.enabledWhen.map((condition) => condition.column));
    const header = blankHeader(template);
    const garbage = (value: string): Record<string, string> =>
      Object.fromEntries(header.map((name) => [name, enabling.has(name) ? value : ' !! not valid !! ']));
    const byFlag = template.enabledWhen.every((condition) => condition.is !== undefined);
    const rows = [garbage(''), garbage(byFlag ? 'FALSE' : '   '), garbage(byFlag ? 'false ' : '')];
    expect(runRows(kind, rows).filter((finding) => finding.row > 1)).toEqual([]);
    // The same garbage in an enabled row is reported, so the test above can fail.
    const enabled = Object.fromEntries([...enabling].map((name) => [name, name.startsWith('create_') ? 'TRUE' : 'x']));
    expect(runRows(kind, [{ ...garbage(''), ...enabled }]).length).toBeGreaterThan(0);
  });
});
