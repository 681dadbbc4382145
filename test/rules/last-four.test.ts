import { describe, expect, it } from 'vitest';
import { FileValidator } from '../../src/rules/engine.js';
import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import { AS_OF, ruleTable, STANDARD_ROW as R, CUSTOMER_ROW as C, CREDIT_CARD as CC } from './helpers.js';

ruleTable('last-four', 'subscriptions-standard', [
  { name: 'four digits', rows: [{ ...R, ...CC, last_four: '0000' }], expected: [] },
  { name: 'other lengths and characters', rows: [{ ...R, ...CC, last_four: '123' }, { ...R, ...CC, last_four: '12a4' }, { ...R, ...CC, bank_account_last_four: '12345' }], expected: [{ row: 2, column: 'last_four' }, { row: 3, column: 'last_four' }, { row: 4, column: 'bank_account_last_four' }] },
]);
void C;

describe('last-four in a workbook', () => {
  it('a number cell that lost its leading zeros says so and how to fix the column', () => {
    const template = getTemplate('subscriptions-standard');
    const header = [...blankHeader(template)];
    const values: Record<string, string> = { ...R, ...CC, last_four: '42' };
    const validator = new FileValidator(template, header, { file: 'book.xlsx', sheet: 'Subscriptions', asOf: AS_OF });
    validator.add({ row: 5, line: 5, cells: header.map((name) => values[name] ?? ''), numbers: [header.indexOf('last_four')] });
    const [finding] = validator.finish().filter((found) => found.rule === 'last-four');
    expect(finding).toMatchObject({ messageId: 'number', column: 'last_four', value: '42', sheet: 'Subscriptions' });
    expect(finding!.message).toMatch(/number 42 in the workbook.*Plain text/);
  });
});
