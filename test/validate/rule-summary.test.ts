// Findings counted by rule: one entry per rule and severity, most frequent first, each with the number
// of files and the first finding (in row order) as its example; an unreadable file counts under its code.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { countByRule } from '../../src/validate/rule-summary.js';
import { finding } from '../cli/report-fixtures.js';

describe('countByRule', () => {
  it('counts by rule and severity across files, with the first finding as the example', () => {
    const files = [
      { path: 'a.csv', findings: [finding({ row: 9, value: 'x@' }), finding({ row: 3, value: 'y@' }), finding({ rule: 'row-enabled', severity: 'warning', row: 4 })] },
      { path: 'b.csv', findings: [finding({ row: 2, value: 'z@' }), finding({ rule: 'row-enabled', severity: 'error', row: 5 })] },
    ];
    const unreadable = [{ path: 'c.csv', error: new InputError('csv-empty-file', 'The file is empty: it has no header row.', { location: { file: 'c.csv' }, hint: 'Export it again.' }) }];
    const counts = countByRule(files, unreadable);
    expect(counts.map(({ rule, severity, count, files: inFiles }) => [rule, severity, count, inFiles])).toEqual([
      ['email', 'error', 3, 2],
      ['csv-empty-file', 'error', 1, 1],
      ['row-enabled', 'error', 1, 1],
      ['row-enabled', 'warning', 1, 1],
    ]);
    expect(counts[0]?.example).toMatchObject({ file: 'a.csv', row: 3, value: 'y@' });
    expect(counts[1]?.example).toEqual({ file: 'c.csv', row: 0, line: 0, column: '', value: '', message: 'The file is empty: it has no header row. Export it again.' });
  });

  it('is empty when nothing was found', () => {
    expect(countByRule([{ path: 'a.csv', findings: [] }])).toEqual([]);
  });
});
