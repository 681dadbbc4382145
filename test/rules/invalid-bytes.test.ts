// Rule invalid-bytes: the reader's notes of bytes that are not UTF-8 become findings naming row, column
// and byte offsets: an error on a row that would be imported, a warning on one that would not.
import { describe, expect, it } from 'vitest';
import type { InvalidCell } from '../../src/csv/types.js';
import { FileValidator } from '../../src/rules/engine.js';
import { blankHeader } from '../../src/templates/header.js';
import { getTemplate } from '../../src/templates/index.js';
import { AS_OF } from './helpers.js';

const template = getTemplate('product-families');
const header = [...blankHeader(template)];
const cellsOf = (values: Record<string, string>): string[] => header.map((name) => values[name] ?? '');
const row = { name: 'Caf\ufffd', description: 'x', handle: 'fam-1' };
const one = (column: number, offset: number, bytes = '0xE9'): InvalidCell => ({ column, count: 1, sequences: [{ offset, bytes }] });

interface Case {
  name: string;
  values: Record<string, string>;
  invalid?: InvalidCell[];
  headerInvalid?: InvalidCell[];
  expected: Array<{ row: number; column: string; messageId: string; severity: string; offsets: string }>;
}

const nameIndex = header.indexOf('name');
const descriptionIndex = header.indexOf('description');

const cases: Case[] = [
  { name: 'a row without invalid bytes', values: row, expected: [] },
  {
    name: 'one stray byte: an error naming column and offset',
    values: row,
    invalid: [one(nameIndex, 46)],
    expected: [{ row: 2, column: 'name', messageId: 'invalid', severity: 'error', offsets: '0xE9 at byte offset 46' }],
  },
  {
    name: 'two cells: one finding each',
    values: { ...row, description: '\ufffd\ufffd' },
    invalid: [one(nameIndex, 46), { column: descriptionIndex, count: 2, sequences: [{ offset: 50, bytes: '0xFC' }, { offset: 51, bytes: '0xE2 0x82' }] }],
    expected: [
      { row: 2, column: 'name', messageId: 'invalid', severity: 'error', offsets: '0xE9 at byte offset 46' },
      { row: 2, column: 'description', messageId: 'invalidMany', severity: 'error', offsets: '0xFC at byte offset 50 and 0xE2 0x82 at byte offset 51' },
    ],
  },
  {
    name: 'more sequences than listed: the rest counted',
    values: row,
    invalid: [{ column: nameIndex, count: 7, sequences: [1, 2, 3, 4, 5].map((offset) => ({ offset, bytes: '0x80' })) }],
    expected: [{ row: 2, column: 'name', messageId: 'invalidMany', severity: 'error', offsets: '0x80 at byte offset 5 and 2 more' }],
  },
  {
    name: 'a row the template does not enable: a warning',
    values: { description: 'only a description \ufffd' },
    invalid: [one(descriptionIndex, 60)],
    expected: [{ row: 2, column: 'description', messageId: 'invalid', severity: 'warning', offsets: '0xE9 at byte offset 60' }],
  },
  {
    name: 'a cell beyond the header: named by position',
    values: row,
    invalid: [one(header.length, 70)],
    expected: [{ row: 2, column: `${header.length + 1} (${String.fromCharCode(65 + header.length)})`, messageId: 'invalid', severity: 'error', offsets: 'byte offset 70' }],
  },
  {
    name: 'the header: an error at row 1',
    values: row,
    headerInvalid: [one(nameIndex, 20, '0xFF')],
    expected: [{ row: 1, column: 'name', messageId: 'invalid', severity: 'error', offsets: '0xFF at byte offset 20' }],
  },
];

describe('rule invalid-bytes (product-families)', () => {
  it.each(cases)('$name', ({ values, invalid, headerInvalid, expected }) => {
    const validator = new FileValidator(template, header, { file: 'families.csv', asOf: AS_OF, ...(headerInvalid ? { headerInvalid } : {}) });
    validator.add({ row: 2, line: 2, cells: cellsOf(values), ...(invalid ? { invalid } : {}) });
    const findings = validator.finish().filter((finding) => finding.rule === 'invalid-bytes');
    expect(findings.map(({ row, column, messageId, severity }) => ({ row, column, messageId, severity }))).toEqual(
      expected.map(({ offsets: _offsets, ...rest }) => rest),
    );
    findings.forEach((finding, i) => expect(finding.message).toContain(expected[i]!.offsets));
    expect(validator.errorRows.has(2)).toBe(expected.some((entry) => entry.row === 2 && entry.severity === 'error'));
  });
});
