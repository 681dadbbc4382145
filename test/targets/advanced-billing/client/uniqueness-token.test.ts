// Tokens are a pure function of site, natural key and payload content (key order does not matter).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, deriveUniquenessToken } from '../../../../src/targets/advanced-billing/client/uniqueness-token.js';

describe('deriveUniquenessToken', () => {
  const site = 'https://acme.chargify.com';
  const body = { customer: { first_name: 'Ada', reference: 'cust-1', email: 'ada@example.com' } };

  it('is stable across calls and processes (fixed digest) and 40 hex characters long', () => {
    const token = deriveUniquenessToken(site, 'customers-advanced:cust-1', body);
    // A fixed value: a new release must send the same token for the same row as the old one did.
    expect(token).toBe('6a5dbd9f326011e7d77daac4ba1b3c0ef51bcfb3');
    expect(deriveUniquenessToken(site, 'customers-advanced:cust-1', JSON.parse(JSON.stringify(body)))).toBe(token);
  });

  it('changes with the site, the key or any value', () => {
    const token = deriveUniquenessToken(site, 'k', body);
    expect(deriveUniquenessToken('https://other.chargify.com', 'k', body)).not.toBe(token);
    expect(deriveUniquenessToken(site, 'k2', body)).not.toBe(token);
    expect(deriveUniquenessToken(site, 'k', { customer: { ...body.customer, email: 'ada@example.org' } })).not.toBe(token);
  });

  it('ignores key order at every level', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        expect(canonicalJson(reversed as never)).toBe(canonicalJson(value as never));
      }),
    );
  });
});
