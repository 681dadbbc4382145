// Cross-file checks through the real pipeline and real files: reference files are read first whatever
// the argument order, catalog files are reference data only, and checks stay off without them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsByRow, validateFiles } from '../../src/validate/index.js';
import { withTempDir } from '../helpers/temp-dir.js';
import { TEST_TODAY } from '../helpers/clock.js';

const AS_OF = TEST_TODAY;
const sample = (name: string): string => readFileSync(`fixtures/sample/${name}.csv`, 'utf8');

/** Replaces one cell (first row whose `match` column equals `value`) in a CSV text without quoting. */
function edit(csv: string, match: [string, string], column: string, value: string): string {
  const lines = csv.trimEnd().split('\n');
  const header = (lines[0] as string).split(',');
  const at = header.indexOf(column);
  const key = header.indexOf(match[0]);
  const index = lines.findIndex((line, i) => i > 0 && line.split(',')[key] === match[1]);
  const cells = (lines[index] as string).split(',');
  cells[at] = value;
  lines[index] = cells.join(',');
  return `${lines.join('\n')}\n`;
}

const project = (findings: Array<{ row: number; column: string; rule: string }>) =>
  findings.map(({ row, column, rule }) => ({ row, column, rule }));

describe('validateFiles across files', () => {
  it('checks subscriptions against customers and the catalog given after them', async () => {
    let subs = sample('subscriptions-advanced');
    subs = edit(subs, ['subscription_reference', 'sub-adv-002'], 'import_identifier_customer_reference', 'acme-europa');
    subs = edit(subs, ['subscription_reference', 'sub-adv-003'], 'coupon_code_1', 'TENOF');
    subs = edit(subs, ['subscription_reference', 'sub-adv-004'], 'product_price_point_handle', 'basic-monthly');
    subs = edit(subs, ['subscription_reference', 'sub-adv-005'], 'componentPricepoint_2', 'storage-flat');
    const files = { 'subs.csv': subs, 'customers.csv': sample('customers-advanced'), 'catalog/products.csv': sample('products'), 'catalog/components.csv': sample('components'), 'catalog/coupons.csv': sample('coupons') };
    await withTempDir(files, async (dir) => {
      const report = await validateFiles([join(dir, 'subs.csv'), join(dir, 'customers.csv')], {
        asOf: AS_OF,
        catalogPaths: ['products', 'components', 'coupons'].map((name) => join(dir, 'catalog', `${name}.csv`)),
      });
      expect(report.files).toHaveLength(2);
      expect(project(report.files[0]?.findings ?? [])).toEqual([
        { row: 3, column: 'import_identifier_customer_reference', rule: 'customer-exists' },
        { row: 4, column: 'coupon_code_1', rule: 'catalog-reference' },
        { row: 5, column: 'product_price_point_handle', rule: 'catalog-reference' },
        { row: 6, column: 'componentPricepoint_2', rule: 'catalog-reference' },
      ]);
      expect(report.files[0]?.findings[0]?.key).toBe('sub-adv-002');
      expect(report.summary).toMatchObject({ files: 2, rows: 12, errorRows: 4, validRows: 8, errors: 4 });
      expect([...findingsByRow(report.files[0] as never).keys()]).toEqual([3, 4, 5, 6]);
    });
  });

  it('skips cross-file checks when the referenced files are not given', async () => {
    const subs = edit(sample('subscriptions-advanced'), ['subscription_reference', 'sub-adv-001'], 'product_handle', 'nothing-like-it');
    await withTempDir({ 'subs.csv': subs }, async (dir) => {
      const report = await validateFiles([join(dir, 'subs.csv')], { asOf: AS_OF });
      expect(report.files[0]?.findings).toEqual([]);
    });
  });

  it('checks catalog files against product families among the inputs', async () => {
    const products = edit(sample('products'), ['handle', 'pro'], 'product_family_id', 'cloud-service');
    await withTempDir({ 'products.csv': products, 'families.csv': sample('product-families') }, async (dir) => {
      const report = await validateFiles([join(dir, 'products.csv'), join(dir, 'families.csv')], { asOf: AS_OF });
      expect(project(report.files[0]?.findings ?? [])).toEqual([{ row: 3, column: 'product_family_id', rule: 'catalog-reference' }]);
    });
  });

  it('checks a customer hierarchy and its cycles in the customers file', async () => {
    let customers = edit(sample('customers-advanced'), ['import_identifier_customer_reference', 'acme-holdings'], 'customer_type', 'parent');
    customers = edit(customers, ['import_identifier_customer_reference', 'acme-holdings'], 'has_parent', 'TRUE');
    customers = edit(customers, ['import_identifier_customer_reference', 'acme-holdings'], 'parent_reference', 'acme-europe');
    await withTempDir({ 'customers.csv': customers }, async (dir) => {
      const report = await validateFiles([join(dir, 'customers.csv')], { asOf: AS_OF });
      const findings = report.files[0]?.findings ?? [];
      expect(findings.map((f) => [f.row, f.messageId])).toEqual([
        [2, 'wrongParentType'],
        [2, 'cycle'],
        [3, 'wrongParentType'],
        [3, 'cycle'],
      ]);
      expect(findings[1]?.message).toContain('acme-holdings → acme-europe → acme-holdings');
    });
  });

  it('reports invoice line items attached to no invoice, and duplicate ids naming the first row', async () => {
    let invoices = edit(sample('invoices'), ['name', 'Training hours'], 'attach_to', 'INV-9999');
    invoices = edit(invoices, ['id', 'INV-1003'], 'id', 'INV-1001');
    await withTempDir({ 'invoices.csv': invoices, 'subscriptions-advanced.csv': sample('subscriptions-advanced') }, async (dir) => {
      const report = await validateFiles([join(dir, 'invoices.csv')], { asOf: AS_OF, catalogPaths: [join(dir, 'subscriptions-advanced.csv')] });
      const findings = report.files[0]?.findings ?? [];
      expect(project(findings)).toEqual([
        { row: 3, column: 'attach_to', rule: 'attach-to' },
        { row: 5, column: 'id', rule: 'unique' },
        { row: 5, column: 'attach_to', rule: 'attach-to' },
        { row: 6, column: 'attach_to', rule: 'attach-to' },
      ]);
      expect(findings[1]?.message).toContain('row 2');
    });
  });

  it('reports a code already used in another input file, naming it, but not one from a catalog file', async () => {
    const more = 'name,code,product_family_id,percentage_discount,stackable,recurring\nAgain,TENOFF,cloud-services,20,TRUE,TRUE\nNew,NEWONE,cloud-services,5,TRUE,TRUE\n';
    await withTempDir({ 'a/coupons.csv': sample('coupons'), 'b/coupons.csv': more }, async (dir) => {
      const first = join(dir, 'a', 'coupons.csv');
      const second = join(dir, 'b', 'coupons.csv');
      const both = await validateFiles([first, second], { asOf: AS_OF });
      expect(both.files[1]?.findings.map((f) => [f.row, f.column, f.rule, f.messageId])).toEqual([[2, 'code', 'unique', 'duplicateInFile']]);
      expect(both.files[1]?.findings[0]?.message).toContain(`${first} (row 2)`);
      expect(both.files[0]?.findings).toEqual([]);
      const withCatalog = await validateFiles([second], { asOf: AS_OF, catalogPaths: [first] });
      expect(withCatalog.files[0]?.findings).toEqual([]);
    });
  });

  it('keeps an undetectable file aside as unreadable and validates the others', async () => {
    await withTempDir({ 'odd.csv': 'name,colour\nx,red\n', 'families.csv': sample('product-families') }, async (dir) => {
      const report = await validateFiles([join(dir, 'families.csv'), join(dir, 'odd.csv')], { asOf: AS_OF });
      expect(report.files.map((file) => file.path)).toEqual([join(dir, 'families.csv')]);
      expect(report.unreadable).toHaveLength(1);
      expect(report.unreadable[0]).toMatchObject({ path: join(dir, 'odd.csv'), error: { code: 'undetectable-template', exitCode: 2 } });
      expect(report.summary).toMatchObject({ files: 2, unreadableFiles: 1, errors: 1 });
    });
  });

  it('a reference file that breaks off at a malformed row: references to it are no longer judged (no false "not found")', async () => {
    const customers = sample('customers-advanced').trimEnd().split('\n');
    // A quote opened on the third data row is never closed: the customers after it are never read.
    customers[3] = `,,TRUE,"Broken${customers[3]!.slice(',,TRUE,'.length)}`;
    await withTempDir({ 'subs.csv': sample('subscriptions-advanced'), 'customers.csv': `${customers.join('\n')}\n` }, async (dir) => {
      const report = await validateFiles([join(dir, 'subs.csv'), join(dir, 'customers.csv')], { asOf: AS_OF });
      expect(report.unreadable.map((file) => [file.path, file.template, file.error.code])).toEqual([[join(dir, 'customers.csv'), 'customers-advanced', 'csv-unclosed-quote']]);
      expect(report.files.map((file) => file.path)).toEqual([join(dir, 'subs.csv')]);
      expect(report.files[0]?.findings.filter((finding) => finding.rule === 'customer-exists')).toEqual([]);
    });
  });
});
