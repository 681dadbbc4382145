// The Advanced Billing adapter as the neutral Target, against a sandbox over HTTP: compare's facts in
// decimal strings (no minor units), erase's records, resync's fields by the adapter's names, custom
// fields, and errors it classifies itself.
import { describe, expect, it } from 'vitest';
import { TargetError } from '../../../src/errors.js';
import { startSandbox } from '../../../src/targets/advanced-billing/sandbox/index.js';
import { createTarget } from '../../../src/targets/index.js';
import { CORE_FILES, withImportedSample } from '../../erase/harness.js';
import { testDate } from '../../helpers/clock.js';

describe('the Advanced Billing Target', () => {
  it('answers compare with neutral facts: prices and renewal totals as decimal strings in currency units', async () => {
    await withImportedSample({ names: CORE_FILES }, async ({ target }) => {
      expect(target.name).toBe('advanced-billing');
      expect(target.supports).toEqual({ renewalPreview: true, uniquenessTokens: true, purge: true, clearSite: true, customFields: true });
      const catalog = await target.catalogFacts('USD');
      expect(catalog.products.find((product) => product.handle === 'basic')).toMatchObject({ name: 'Basic Plan', defaultPricePoint: 'basic-monthly', pricePoints: [{ handle: 'basic-monthly', price: '29' }] });
      expect(catalog.coupons).toEqual(expect.arrayContaining([{ code: 'TENOFF', stackable: true, percentage: '10' }, { code: 'FIVEFLAT', stackable: true, amount: '5' }]));
      const renewal = await target.renewalFacts({ reference: 'sub-adv-001' }, 'USD');
      expect(renewal).toMatchObject({ currency: 'USD', total: '99', lines: [{ kind: 'product', handle: 'pro', pricePoint: 'pro-monthly', amount: '99' }] });
      // By id first: a wrong reference does not matter when the id is found.
      expect((await target.renewalFacts({ id: renewal!.subscriptionId, reference: 'nope' }, 'USD'))?.total).toBe('99');
      expect(await target.renewalFacts({ reference: 'nope' }, 'USD')).toBeUndefined();
      expect(JSON.stringify([catalog, renewal])).not.toMatch(/cents/i);
      expect(await target.readInvoice('inv_missing')).toBeUndefined();
    });
  });

  it('answers erase and resync with records and fields by name, and updates them', async () => {
    await withImportedSample({ names: CORE_FILES }, async ({ target }) => {
      const europe = (await target.findCustomer('acme-europe'))!;
      expect(europe).toEqual({ id: europe.id, reference: 'acme-europe', email: 'bruno@acme.example' });
      expect(await target.readCustomerFields(europe.id)).toMatchObject({ organization: 'Acme Europe', city: 'Berlin', vat_number: '123456789', cc_emails: 'finance@acme.example,ops@acme.example' });
      expect(target.updatableFields('customer')).toContainEqual({ field: 'organization', column: 'organization_name' });
      await target.updateFields('customer', europe.id, { city: 'Munich' });
      expect((await target.readCustomerFields(europe.id))?.city).toBe('Munich');

      // Every id is text on the neutral side: renewal facts, records and the calls erase and resync make.
      const id = (await target.renewalFacts({ reference: 'sub-adv-001' }, 'USD'))!.subscriptionId;
      expect(await target.readSubscription(id)).toMatchObject({ id, reference: 'sub-adv-001', productHandle: 'pro', customer: { reference: 'acme-holdings' } });
      const next = testDate(400);
      await target.updateFields('subscription', id, { next_billing_at: next });
      const subscription = (await target.readSubscriptionFields(id))!;
      expect(String(subscription.fields.next_billing_at).slice(0, 10)).toBe(next);
      expect(subscription.fields.payment_collection_method).toBe('remittance');
      expect(subscription.customerId).toBe((await target.findCustomer('acme-holdings'))!.id);

      const coupon = (await target.findCatalogItem('coupon', 'TENOFF'))!;
      expect(coupon).toMatchObject({ kind: 'coupon', archived: false });
      await target.archiveCatalogItem(coupon);
      const after = await target.findCatalogItem('coupon', 'TENOFF');
      expect(after === undefined || after.archived).toBe(true);
    });
  });

  it('defines, sets and lists custom fields', async () => {
    await withImportedSample({ names: ['customers-advanced.csv'] }, async ({ target }) => {
      const customer = (await target.findCustomer('acme-holdings'))!;
      expect(await target.customFieldNames('customers')).not.toContain('Tier');
      await target.ensureCustomFields('customers', ['Tier']);
      expect(await target.customFieldNames('customers')).toContain('Tier');
      await target.setCustomFields('customers', customer.id, { Tier: 'Gold' });
      expect(await target.customFieldValues('customers', customer.id)).toEqual({ Tier: 'Gold' });
      // resync reports a custom field's change under the site's own word for it.
      expect(target.customFieldLabel('Tier')).toBe('metafield:Tier');
    });
  });

  it('classifies its failures: a refused object is the row\'s, a refused key the run\'s', async () => {
    const sandbox = await startSandbox({ apiKey: 'right-key' });
    const right = createTarget({ name: 'test', baseUrl: sandbox.baseUrl, apiKey: 'right-key' });
    const wrong = createTarget({ name: 'test', baseUrl: sandbox.baseUrl, apiKey: 'wrong-key' }, { maxRetries: 0 });
    try {
      const refused = await right.api.createCustomer({}, { naturalKey: 'customer:empty' }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(TargetError);
      expect(refused).toMatchObject({ rowLevel: true, exitCode: 3 });
      expect((refused as TargetError).messages.length).toBeGreaterThan(0);
      const unauthorised = await wrong.readSite().catch((error: unknown) => error);
      expect(unauthorised).toBeInstanceOf(TargetError);
      expect(unauthorised).toMatchObject({ rowLevel: false, messages: expect.any(Array) });
    } finally {
      await right.close();
      await wrong.close();
      await sandbox.close();
    }
  });
});
