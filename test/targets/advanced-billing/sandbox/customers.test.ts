// Customers (create, hierarchy, list, read, update, delete, lookup by reference), payment profiles with
// masked secrets, and custom fields (metafields and metadata).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerAttributes } from './catalog-fixture.js';
import { startHarness, type Harness } from './harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

async function createCustomer(reference: string, extra: Record<string, unknown> = {}) {
  const response = await harness.call('POST', '/customers.json', { customer: { ...customerAttributes(reference), ...extra } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.customer as { id: number; reference: string; parent_id: number | null };
}

describe('customers', () => {
  it('creates, reads, looks up by reference, updates and lists', async () => {
    const customer = await createCustomer('cust-1', { organization: 'Acme', country: 'US' });
    expect(customer).toMatchObject({ reference: 'cust-1', parent_id: null });
    expect((await harness.call('GET', `/customers/${customer.id}.json`)).body.customer.organization).toBe('Acme');
    const found = await harness.call('GET', '/customers/lookup.json?reference=cust-1');
    expect(found.body.customer.id).toBe(customer.id);
    expect((await harness.call('GET', '/customers/lookup.json?reference=none')).status).toBe(404);
    const updated = await harness.call('PUT', `/customers/${customer.id}.json`, { customer: { organization: 'Acme Ltd' } });
    expect(updated.status).toBe(200);
    expect(updated.body.customer).toMatchObject({ organization: 'Acme Ltd', email: 'cust-1@example.com' });
    const list = await harness.call('GET', '/customers.json?per_page=200');
    expect(list.body.map((entry: { customer: { reference: string } }) => entry.customer.reference)).toContain('cust-1');
  });

  it('creates a child customer with parent_id and refuses an unknown parent', async () => {
    const parent = await createCustomer('parent-1');
    const child = await createCustomer('child-1', { parent_id: parent.id });
    expect(child.parent_id).toBe(parent.id);
    const orphan = await harness.call('POST', '/customers.json', { customer: { ...customerAttributes('orphan'), parent_id: 99999 } });
    expect(orphan.status).toBe(422);
    expect(orphan.body.errors).toEqual(["Parent: could not be found for id '99999'."]);
  });

  it('refuses missing names, a bad email and a taken reference, naming each field', async () => {
    await createCustomer('taken');
    const response = await harness.call(
      'POST',
      '/customers.json',
      { customer: { first_name: '', email: 'not-an-email', reference: 'taken' } },
      { invalidRequest: true },
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      'Email address: is invalid.',
      'Reference: must be unique - that value has been taken.',
      'First name: cannot be blank.',
      'Last name: cannot be blank.',
    ]);
  });

  it('deletes a customer without subscriptions (204) and then answers 404', async () => {
    const customer = await createCustomer('gone');
    const deleted = await harness.call('DELETE', `/customers/${customer.id}.json`);
    expect(deleted.status).toBe(204);
    expect((await harness.call('GET', `/customers/${customer.id}.json`)).status).toBe(404);
  });
});

describe('payment profiles', () => {
  it('stores a card by vault token and shows only masked values', async () => {
    const customer = await createCustomer('payer-1');
    const response = await harness.call('POST', '/payment_profiles.json', {
      payment_profile: {
        customer_id: customer.id,
        payment_type: 'credit_card',
        vault_token: 'cus_SECRET_TOKEN_9876',
        current_vault: 'stripe_connect',
        customer_vault_token: 'cus_VAULT_CUSTOMER_5555',
        last_four: '4242',
        card_type: 'visa',
        expiration_month: 12,
        expiration_year: 2030,
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.text).not.toContain('SECRET');
    expect(response.text).not.toContain('VAULT_CUSTOMER');
    expect(response.body.payment_profile).toMatchObject({ masked_card_number: 'XXXX-XXXX-XXXX-4242', card_type: 'visa', customer_id: customer.id });
    expect(response.body.payment_profile.vault_token).toMatch(/^X+9876$/);
    const read = await harness.call('GET', `/payment_profiles/${response.body.payment_profile.id}.json`);
    expect(read.body.payment_profile.masked_card_number).toBe('XXXX-XXXX-XXXX-4242');
  });

  it('stores a bank account by number, masking it', async () => {
    const customer = await createCustomer('payer-2');
    const response = await harness.call('POST', '/payment_profiles.json', {
      payment_profile: {
        customer_id: customer.id,
        payment_type: 'bank_account',
        bank_name: 'Bank',
        bank_routing_number: '021000089',
        bank_account_number: '123456789012',
        bank_account_type: 'checking',
        bank_account_holder_type: 'personal',
      },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.payment_profile).toMatchObject({ masked_bank_account_number: 'XXXXXXXX9012', payment_type: 'bank_account' });
    expect(response.text).not.toContain('123456789012');
  });

  it('stores a bank account by IBAN, masked as the account number', async () => {
    const customer = await createCustomer('payer-iban');
    const response = await harness.call('POST', '/payment_profiles.json', {
      payment_profile: { customer_id: customer.id, bank_name: 'French Bank', bank_iban: 'FR1420041010050500013M02606', payment_type: 'bank_account', billing_country: 'FR' },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.payment_profile).toMatchObject({ masked_bank_account_number: 'XXXXXXXXXXXXXXXXXXXXXXX2606', payment_type: 'bank_account' });
    expect(response.text).not.toContain('FR1420041010050500013M02606');
  });

  it('refuses an update in the spec’s envelope for it: each field with its message', async () => {
    const customer = await createCustomer('payer-update');
    const created = await harness.call('POST', '/payment_profiles.json', {
      payment_profile: { customer_id: customer.id, vault_token: 'tok_1234', current_vault: 'bogus', last_four: '1234', card_type: 'visa', expiration_month: 1, expiration_year: 2031 },
    });
    const response = await harness.call('PUT', `/payment_profiles/${created.body.payment_profile.id}.json`, { payment_profile: { expiration_month: 13 } }, { invalidRequest: true });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ errors: { expiration_month: 'Expiration month: is invalid.' } });
  });

  it('stores a bank account and a PayPal account by vault token', async () => {
    const customer = await createCustomer('payer-4');
    const bank = await harness.call('POST', '/payment_profiles.json', {
      payment_profile: { customer_id: customer.id, payment_type: 'bank_account', vault_token: 'MD_SECRET_1234', customer_vault_token: 'CU_SECRET_99', current_vault: 'gocardless', bank_name: 'Bank', last_four: '3344' },
    });
    expect(bank.status, JSON.stringify(bank.body)).toBe(200);
    expect(bank.body.payment_profile).toMatchObject({ payment_type: 'bank_account', current_vault: 'gocardless', masked_bank_account_number: 'XXXX3344' });
    const paypal = await harness.call('POST', '/payment_profiles.json', {
      payment_profile: { customer_id: customer.id, payment_type: 'paypal_account', vault_token: 'PP_SECRET_5678', current_vault: 'braintree_blue', paypal_email: 'p@example.com' },
    });
    expect(paypal.status, JSON.stringify(paypal.body)).toBe(200);
    expect(paypal.body.payment_profile).toMatchObject({ payment_type: 'paypal_account', paypal_email: 'p@example.com' });
    expect(`${bank.text}${paypal.text}`).not.toContain('SECRET');
  });

  it('lists the site’s profiles or one customer’s, masked and paginated; an unknown customer has none', async () => {
    const customer = await createCustomer('payer-list');
    const other = await createCustomer('payer-list-other');
    const card = (customerId: number, lastFour: string) => ({
      payment_profile: { customer_id: customerId, payment_type: 'credit_card', vault_token: `tok_LIST_SECRET_${lastFour}`, current_vault: 'bogus', last_four: lastFour, card_type: 'visa', expiration_month: 3, expiration_year: 2031 },
    });
    const ids: number[] = [];
    for (const lastFour of ['1001', '1002', '1003']) ids.push((await harness.call('POST', '/payment_profiles.json', card(customer.id, lastFour))).body.payment_profile.id);
    const theirs = (await harness.call('POST', '/payment_profiles.json', card(other.id, '2001'))).body.payment_profile.id;

    const mine = await harness.call('GET', `/payment_profiles.json?customer_id=${customer.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.map((item: { payment_profile: { id: number } }) => item.payment_profile.id)).toEqual(ids);
    expect(mine.body[0].payment_profile).toMatchObject({ customer_id: customer.id, masked_card_number: 'XXXX-XXXX-XXXX-1001', vault_token: expect.stringMatching(/^X+1001$/) });
    expect(mine.text).not.toContain('SECRET');
    const page = await harness.call('GET', `/payment_profiles.json?customer_id=${customer.id}&page=2&per_page=2`);
    expect(page.body.map((item: { payment_profile: { id: number } }) => item.payment_profile.id)).toEqual([ids[2]]);
    const all = await harness.call('GET', '/payment_profiles.json?per_page=200');
    expect(all.body.map((item: { payment_profile: { id: number } }) => item.payment_profile.id)).toEqual(expect.arrayContaining([...ids, theirs]));
    const none = await harness.call('GET', '/payment_profiles.json?customer_id=999999');
    expect(none.status).toBe(200);
    expect(none.body).toEqual([]);
  });

  it('refuses a card without number or token, and an unknown customer with 404', async () => {
    const customer = await createCustomer('payer-3');
    const response = await harness.call('POST', '/payment_profiles.json', { payment_profile: { customer_id: customer.id } });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual(['Full number: cannot be blank.']);
    const unknown = await harness.call('POST', '/payment_profiles.json', { payment_profile: { customer_id: 99999, vault_token: 't', current_vault: 'bogus' } });
    expect(unknown.status).toBe(404);
  });
});

describe('custom fields', () => {
  it('defines metafields, sets and lists metadata per customer', async () => {
    const customer = await createCustomer('fields-1');
    const defined = await harness.call('POST', '/customers/metafields.json', { metafields: { name: 'Region' } });
    expect(defined.status).toBe(200);
    expect(defined.body[0]).toMatchObject({ name: 'Region', input_type: 'text' });
    // Metafields and metadata declare their 422 as one `error` string.
    const taken = await harness.call('POST', '/customers/metafields.json', { metafields: { name: 'Region' } });
    expect([taken.status, taken.body]).toEqual([422, { error: 'Name: must be unique - that value has been taken.' }]);
    const blank = await harness.call('POST', `/customers/${customer.id}/metadata.json`, { metadata: [{ name: '', value: 'x' }] });
    expect([blank.status, blank.body]).toEqual([422, { error: 'Name: cannot be blank.' }]);
    const set = await harness.call('POST', `/customers/${customer.id}/metadata.json`, {
      metadata: [
        { name: 'Region', value: 'EMEA' },
        { name: 'Tier', value: 'Gold' },
      ],
    });
    expect(set.status).toBe(200);
    const list = await harness.call('GET', `/customers/${customer.id}/metadata.json`);
    expect(list.body.metadata.map((entry: { name: string; value: string }) => [entry.name, entry.value])).toEqual([
      ['Region', 'EMEA'],
      ['Tier', 'Gold'],
    ]);
    const fields = await harness.call('GET', '/customers/metafields.json');
    expect(fields.body.metafields.map((field: { name: string }) => field.name)).toEqual(['Region', 'Tier']);
    expect((await harness.call('GET', '/widgets/metafields.json')).status).toBe(404);
  });
});
