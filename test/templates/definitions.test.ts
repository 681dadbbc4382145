// Template definitions are consistent: rules exist, group columns belong to groups, sections exist,
// document order is kept in the blank templates, and headers with document line breaks are joined.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getRule } from '../../src/rules/index.js';
import { blankHeader, groupOf, isGroupColumn } from '../../src/templates/header.js';
import { TEMPLATE_KINDS, getTemplate, listTemplates } from '../../src/templates/index.js';

describe('template definitions', () => {
  it('lists the eleven kinds of DESIGN.md', () => {
    expect(listTemplates().map((template) => template.kind)).toEqual([...TEMPLATE_KINDS]);
    expect(TEMPLATE_KINDS).toHaveLength(11);
  });

  it.each([...TEMPLATE_KINDS])('%s is consistent', (kind) => {
    const template = getTemplate(kind);
    const sections = new Set(['row', ...template.sections.map((section) => section.id)]);
    const names = template.columns.map((column) => column.name);
    expect(new Set(names).size).toBe(names.length);
    for (const column of template.columns) {
      expect(column.name).not.toMatch(/\s/);
      expect(column.description.length).toBeGreaterThan(3);
      expect(sections.has(column.section ?? 'row')).toBe(true);
      for (const use of column.rules ?? []) expect(() => getRule(use.rule)).not.toThrow();
      if (isGroupColumn(column.name)) expect(() => groupOf(template, column.name)).not.toThrow();
    }
    for (const use of template.rowRules) expect(sections.has(use.section ?? 'row')).toBe(true);
    for (const key of template.keyColumns) expect(names).toContain(key);
    expect(template.enabledWhen.length).toBeGreaterThan(0);
  });

  it.each([...TEMPLATE_KINDS])('templates/%s.csv is the blank header in document order', (kind) => {
    expect(readFileSync(`templates/${kind}.csv`, 'utf8')).toBe(`${blankHeader(getTemplate(kind)).join(',')}\n`);
  });

  it('joins the document headers that carry line breaks', () => {
    expect(blankHeader(getTemplate('customers-advanced'))).toContain('import_identifier_customer_reference');
    expect(blankHeader(getTemplate('components'))).toContain('hide_date_range_on_invoice');
    expect(blankHeader(getTemplate('subscriptions-standard'))).toContain('product_price_point_handle');
  });

  it('applies the corrected shipping block to the standard template (seeds/README.md)', () => {
    const header = blankHeader(getTemplate('subscriptions-standard'));
    const shipping = header.filter((name) => name.startsWith('shipping_'));
    expect(shipping).toEqual(['shipping_address', 'shipping_address_2', 'shipping_city', 'shipping_state', 'shipping_zip', 'shipping_country']);
  });
});
