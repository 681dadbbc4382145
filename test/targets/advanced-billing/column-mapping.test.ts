// The Advanced Billing mapping tables: every column of every template kind has an entry (or is declared
// not importable with its notice), names no column the template lacks, and names operations as the spec does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnMapping } from '../../../src/targets/index.js';
import { getTemplate, listTemplates, TEMPLATE_KINDS } from '../../../src/templates/index.js';
import { specAvailable, specPath } from './sandbox/contract.js';

describe('the mapping table', () => {
  it.each(TEMPLATE_KINDS)('%s: every column and custom field pattern has an entry (or is declared not importable with its notice)', (kind) => {
    const template = getTemplate(kind);
    const mapping = columnMapping(kind);
    const missing = template.columns.filter((column) => !mapping[column.name] && !column.notImportable).map((column) => column.name);
    const missingCustom = template.customFieldPrefixes.map((prefix) => `${prefix}Name]`).filter((pattern) => !mapping[pattern]);
    expect([...missing, ...missingCustom]).toEqual([]);
    for (const column of template.columns.filter((candidate) => candidate.notImportable)) {
      expect(column.notImportable!.why, column.name).not.toBe('');
      expect(column.notImportable!.byHand, column.name).not.toBe('');
    }
  });

  it.each(TEMPLATE_KINDS)('%s: names no column the template does not have', (kind) => {
    const template = getTemplate(kind);
    const known = new Set([...template.columns.map((column) => column.name), ...template.customFieldPrefixes.map((prefix) => `${prefix}Name]`)]);
    expect(Object.keys(columnMapping(kind)).filter((name) => !known.has(name))).toEqual([]);
  });

  it('says which operation and wire field, in the spec\'s words', () => {
    for (const template of listTemplates()) {
      for (const mapping of Object.values(columnMapping(template.kind))) {
        if ('toolkit' in mapping) expect(mapping.toolkit).not.toBe('');
        else for (const field of mapping.sentAs) expect(field.operation).toMatch(/^(Create|Update|Issue) /);
      }
    }
  });

  it.skipIf(!specAvailable)('names only operations the spec has, by their summary', () => {
    const spec = JSON.parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, Record<string, { summary?: string }>> };
    const summaries = new Set(Object.values(spec.paths).flatMap((item) => Object.values(item).map((operation) => operation.summary)));
    const unknown = listTemplates().flatMap((template) =>
      Object.entries(columnMapping(template.kind)).flatMap(([column, mapping]) =>
        'toolkit' in mapping ? [] : mapping.sentAs.filter((field) => !summaries.has(field.operation)).map((field) => `${template.kind} ${column}: ${field.operation}`)));
    expect(unknown).toEqual([]);
  });
});
