// validate --preview's engine: catalog-priced renewals against YourExpectedRenewal, as findings.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { previewRenewalFindings } from '../../src/compare/preview.js';
import { Decimal } from '../../src/pricing/index.js';
import { withTempDir } from '../helpers/temp-dir.js';

const sample = (name: string): string => fileURLToPath(new URL(`../../fixtures/sample/${name}`, import.meta.url));
const catalog = [sample('products.csv'), sample('components.csv'), sample('coupons.csv')];

describe('previewRenewalFindings', () => {
  it('warns on the sample row whose expected amount misses a coupon, and on nothing else', async () => {
    const findings = await previewRenewalFindings([sample('subscriptions-standard.csv'), sample('subscriptions-advanced.csv'), sample('subscriptions-custom-pricing.csv')], catalog);
    expect(findings.map(({ rule, severity, row, column, key, value }) => ({ rule, severity, row, column, key, value }))).toEqual([
      { rule: 'expected-renewal', severity: 'warning', row: 13, column: 'YourExpectedRenewal', key: 'std-012', value: '129.60' },
    ]);
    expect(findings[0]!.message).toContain('144.00 USD');
    expect(findings[0]!.message).toContain('TENOFF');
  });

  it('lets a tolerance absorb small differences', async () => {
    const findings = await previewRenewalFindings([sample('subscriptions-standard.csv')], catalog, new Decimal('14.40'));
    expect(findings).toEqual([]);
  });

  it('leaves unreadable amounts and rows the catalog cannot price to the other rules', async () => {
    const text = (await import('node:fs')).readFileSync(sample('subscriptions-standard.csv'), 'utf8')
      .replace(',29.00,TRUE,Hopper', ',$29,TRUE,Hopper')
      .replace(',149.00,TRUE,Turing', ',1.00,TRUE,Turing')
      .replace(/(std-002,.*?),pro,/, '$1,nope,');
    await withTempDir({ 'subs.csv': text }, async (dir) => {
      const findings = await previewRenewalFindings([`${dir}/subs.csv`], catalog);
      expect(findings.map((finding) => finding.key)).toEqual(['std-012']);
    });
  });

  it('asks for the catalog when there is none', async () => {
    await expect(previewRenewalFindings([sample('subscriptions-standard.csv')])).rejects.toMatchObject({ code: 'preview-needs-catalog' });
  });
});
