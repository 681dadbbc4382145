import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultPaths } from '../../src/csv/result-paths.js';
import { rowAnnotation } from '../../src/validate/result-files.js';
import { finding } from '../cli/report-fixtures.js';

const file = (path: string) => ({ path, template: 'products' as const, rows: 0, errorRows: 0, findings: [] });

describe('annotated result files', () => {
  it.each([
    { findings: undefined, expected: { Status: 'pending', Result: '' } },
    { findings: [finding({ severity: 'warning', message: 'Looks odd.' })], expected: { Status: 'pending', Result: 'warning: Looks odd.' } },
    {
      findings: [finding({ severity: 'warning', message: 'Looks odd.' }), finding({ message: 'Bad email.' }), finding({ message: 'Too far.' })],
      expected: { Status: 'error', Result: 'Bad email. | Too far. | warning: Looks odd.' },
    },
  ])('annotates a row with $findings.length findings', ({ findings, expected }) => {
    expect(rowAnnotation(findings)).toEqual(expected);
  });

  it('puts each copy under its own name in the output folder', () => {
    const paths = resultPaths([file('in/a.csv'), file('in/sub/b.csv')], 'out');
    expect([...paths.entries()]).toEqual([
      ['in/a.csv', resolve('out', 'a.csv')],
      ['in/sub/b.csv', resolve('out', 'b.csv')],
    ]);
  });

  it("gives a workbook's sheets one copy, named as the workbook (a macro workbook's as .xlsx)", () => {
    const sheet = (path: string, name: string) => ({ ...file(path), sheet: name });
    const paths = resultPaths([sheet('in/migration.xlsx', 'Customers'), file('in/a.csv'), sheet('in/migration.xlsx', 'Invoices'), sheet('in/book.xlsm', 'Subs')], 'out');
    expect([...paths.entries()]).toEqual([
      ['in/migration.xlsx', resolve('out', 'migration.xlsx')],
      ['in/a.csv', resolve('out', 'a.csv')],
      ['in/book.xlsm', resolve('out', 'book.xlsx')],
    ]);
    expect(() => resultPaths([sheet('x/book.xlsm', 'A'), sheet('y/book.xlsx', 'A')], 'out')).toThrow(/x\/book\.xlsm and y\/book\.xlsx would both be written to out\/book\.xlsx/);
    expect(() => resultPaths([sheet(join('in', 'book.xlsx'), 'A')], 'in')).toThrow(/would overwrite the input/);
  });

  it('refuses two inputs with the same name and overwriting an input', () => {
    expect(() => resultPaths([file('x/a.csv'), file('y/a.csv')], 'out')).toThrow(/x\/a\.csv and y\/a\.csv would both be written to/);
    expect(() => resultPaths([file(join('in', 'a.csv'))], 'in')).toThrow(/would overwrite the input/);
  });
});
