// Property: whatever the cells, the engine ends in findings, never an exception (an unfilled message
// placeholder or a rule tripping over odd input would be a bug), and each finding names a real column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankHeader } from '../../src/templates/header.js';
import { TEMPLATE_KINDS, getTemplate } from '../../src/templates/index.js';
import { runRows } from '../rules/helpers.js';

const interesting = fc.oneof(
  fc.constantFrom('', ' ', 'TRUE', 'FALSE', 'true', '0', '-1', '1.5', '10,5', '$5', '2026-02-29', '2027-01-01', 'US', 'CA', 'per_unit', 'tiered', 'on_off', 'credit_card', 'stripe_connect', 'a@b.co', 'x y'),
  fc.string({ maxLength: 12 }),
);

describe('rule engine on arbitrary cells', () => {
  it.each([...TEMPLATE_KINDS])('%s never throws and names header columns', (kind) => {
    const header = [...blankHeader(getTemplate(kind)), 'custom_field[Extra]'];
    const headerSet = new Set(header);
    const enabling = getTemplate(kind).enabledWhen.map((condition) => condition.column);
    const row = fc.dictionary(fc.constantFrom(...header), interesting).map((cells) => {
      const enabled: Record<string, string> = { ...cells };
      for (const column of enabling) enabled[column] = column.startsWith('create_') ? 'TRUE' : 'x';
      return enabled;
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const findings = runRows(kind, rows, { header });
        for (const finding of findings) {
          expect(headerSet.has(finding.column) || finding.row === 1).toBe(true);
          if (!rows.some((cells) => Object.values(cells).some((cell) => cell.includes('{{')))) expect(finding.message).not.toMatch(/\{\{/);
        }
      }),
      { numRuns: 150 },
    );
  });
});
