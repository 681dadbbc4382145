// The contract helper itself: it finds operations by method and path template (the most literal first),
// and its schema checks can fail. Skipped, with the reason, where the official spec is absent.
import { describe, expect, it } from 'vitest';
import { loadContract, specAvailable, specSkipReason } from './contract.js';

describe.skipIf(!specAvailable)(`contract helper${specAvailable ? '' : ` (skipped: ${specSkipReason})`}`, () => {
  const contract = () => {
    const loaded = loadContract();
    if (!loaded) throw new Error(specSkipReason);
    return loaded;
  };

  it.each([
    ['GET', '/customers/lookup.json?reference=x', '/customers/lookup.json'],
    ['GET', '/customers/12.json', '/customers/{id}.json'],
    ['POST', '/product_families/3/on_off_components.json', '/product_families/{product_family_id}/on_off_components.json'],
    ['POST', '/subscriptions/9/renewals/preview.json', '/subscriptions/{subscription_id}/renewals/preview.json'],
    ['GET', '/customers/metafields.json', '/{resource_type}/metafields.json'],
  ])('maps %s %s to %s', (method, path, template) => {
    expect(contract().find(method, path)?.template).toBe(template);
  });

  it('accepts a conforming body and rejects a wrong type, a missing required field and a bad format', () => {
    const good = { customer: { id: 1, first_name: 'A', last_name: 'B', email: 'a@b.co', created_at: '2026-01-01T00:00:00Z' } };
    expect(contract().checkResponse('GET', '/customers/1.json', 200, good).errors).toEqual([]);
    expect(contract().checkResponse('GET', '/customers/1.json', 200, { customer: { ...good.customer, id: '1' } }).errors).not.toEqual([]);
    expect(contract().checkResponse('GET', '/customers/1.json', 200, {}).errors).not.toEqual([]);
    expect(contract().checkResponse('GET', '/customers/1.json', 200, { customer: { ...good.customer, created_at: 'yesterday' } }).errors).not.toEqual([]);
    expect(contract().checkRequest('POST', '/customers.json', { customer: { first_name: 'A' } }).errors).not.toEqual([]);
  });

  it('treats a 404 outside the spec as right and any other answer there as an invention', () => {
    expect(contract().checkResponse('GET', '/nothing.json', 404, { errors: ['Not Found'] }).errors).toEqual([]);
    expect(contract().checkResponse('GET', '/nothing.json', 200, {}).errors).not.toEqual([]);
  });
});
