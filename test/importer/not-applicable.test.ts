// What a target has no place for, said once per run: from the sample templates as the ChartMogul
// profile takes them (kinds it does not take, columns its mapping marks not applicable), and nothing
// at all for Advanced Billing, which takes everything.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notApplicableOf, renderNotApplicable } from '../../src/importer/not-applicable.js';
import { prepareImport } from '../../src/importer/run-import.js';
import { ADVANCED_BILLING_PROFILE } from '../../src/targets/advanced-billing/profile.js';
import { CHARTMOGUL_PROFILE } from '../../src/targets/chartmogul/profile.js';
import { validateFiles } from '../../src/validate/index.js';
import { projectRoot } from '../cli/run-cli.js';

const SAMPLE = ['product-families', 'products', 'customers-advanced', 'subscriptions-advanced', 'subscriptions-standard'].map((name) => join(projectRoot, 'fixtures/sample', `${name}.csv`));

async function sample() {
  const report = await validateFiles(SAMPLE, { asOf: '2026-12-04', keepContent: true });
  return prepareImport(report.files).loaded;
}

describe('not applicable', () => {
  it('says each kind ChartMogul does not take once, with its meaning and rows, and marks rows with nothing left', async () => {
    const { notices, rows } = notApplicableOf(await sample(), CHARTMOGUL_PROFILE);
    const families = notices.find((notice) => notice.kind === 'product_family')!;
    expect(families).toMatchObject({ template: 'product-families', rows: 2, meaning: CHARTMOGUL_PROFILE.notApplicableKinds.product_family });
    expect(renderNotApplicable(families)).toMatch(/^product-families product families \(2 rows: .*product-families\.csv rows 2, 3\): ChartMogul has no product families/);
    // Only the product-family rows are left with nothing: a product row still makes its price point's plan.
    expect([...rows.keys()].map((row) => row.kind)).toEqual(['product-families', 'product-families']);
    expect(notices.filter((notice) => notice.kind === 'product')).toHaveLength(1);
  });

  it('says a column once per meaning, leaving out blank and FALSE cells and the columns of objects said by their kind', async () => {
    const { notices } = notApplicableOf(await sample(), CHARTMOGUL_PROFILE);
    const columns = notices.filter((notice) => notice.columns !== undefined);
    const all = columns.flatMap((notice) => notice.columns!.map((column) => `${notice.template}:${column}`));
    expect(new Set(all).size).toBe(all.length);
    // The product's own columns go with "ChartMogul has no products"; a FALSE create_payment_profile asks for nothing.
    expect(all).not.toContain('products:product_name');
    expect(all).not.toContain('customers-advanced:create_payment_profile');
    expect(all).toContain('customers-advanced:vat_number');
    expect(all).toContain('subscriptions-advanced:payment_collection_method');
  });

  it('says nothing for a target that takes every kind and maps every column', async () => {
    expect(notApplicableOf(await sample(), ADVANCED_BILLING_PROFILE)).toEqual({ notices: [], rows: new Map() });
  });
});
