// Rule formula-value: a workbook cell whose formula gives an error or was never calculated is one finding
// on that cell (an error on a row to import, a warning on one that is not), and replaces the other rules'
// findings about the blank it reads as.
import { describe, expect, it } from 'vitest';
import type { FormulaCell } from '../../src/csv/types.js';
import { FileValidator } from '../../src/rules/engine.js';
import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import { AS_OF, CUSTOMER_ROW } from './helpers.js';

const template = getTemplate('customers-advanced');
const header = [...blankHeader(template)];
const cellsOf = (values: Record<string, string>): string[] => header.map((name) => values[name] ?? '');
const row = CUSTOMER_ROW;
const emailAt = header.indexOf('email');
const letter = String.fromCharCode(65 + emailAt);

interface Case {
  name: string;
  values: Record<string, string>;
  formulas: FormulaCell[];
  expected: Array<{ column: string; rule: string; messageId: string; severity: string; value: string }>;
}

const cases: Case[] = [
  { name: 'no formula problem', values: row, formulas: [], expected: [] },
  {
    name: 'an error result named by the workbook',
    values: { ...row, email: '' },
    formulas: [{ column: emailAt, problem: 'error', shown: '#REF!' }],
    expected: [{ column: 'email', rule: 'formula-value', messageId: 'error', severity: 'error', value: '#REF!' }],
  },
  {
    name: 'an error result the workbook does not name',
    values: { ...row, email: '' },
    formulas: [{ column: emailAt, problem: 'error', shown: '' }],
    expected: [{ column: 'email', rule: 'formula-value', messageId: 'errorUnnamed', severity: 'error', value: '' }],
  },
  {
    name: 'a formula never calculated',
    values: { ...row, email: '' },
    formulas: [{ column: emailAt, problem: 'uncalculated', shown: '=LOWER(A2)' }],
    expected: [{ column: 'email', rule: 'formula-value', messageId: 'uncalculated', severity: 'error', value: '=LOWER(A2)' }],
  },
  {
    name: 'a row the template does not enable: a warning',
    values: { ...row, create_customer: '', email: '' },
    formulas: [{ column: emailAt, problem: 'error', shown: '#N/A' }],
    expected: [{ column: 'email', rule: 'formula-value', messageId: 'error', severity: 'warning', value: '#N/A' }],
  },
];

describe('formula-value', () => {
  it.each(cases)('$name', ({ values, formulas, expected }) => {
    const validator = new FileValidator(template, header, { file: 'book.xlsx', sheet: 'Families', asOf: AS_OF });
    validator.add({ row: 2, line: 2, cells: cellsOf(values), ...(formulas.length > 0 ? { formulas } : {}) });
    const findings = validator.finish();
    const own = findings.filter((finding) => finding.rule !== 'row-enabled');
    expect(own.map(({ column, rule, messageId, severity, value }) => ({ column, rule, messageId, severity, value }))).toEqual(expected);
    for (const finding of own) expect(finding).toMatchObject({ sheet: 'Families', cell: `${letter}2` });
  });

  it('without the formula note, the blank cell is what the other rules report', () => {
    const validator = new FileValidator(template, header, { file: 'book.xlsx', asOf: AS_OF });
    validator.add({ row: 2, line: 2, cells: cellsOf({ ...row, email: '' }) });
    expect(validator.finish().map((finding) => finding.rule)).toContain('required');
  });
});
