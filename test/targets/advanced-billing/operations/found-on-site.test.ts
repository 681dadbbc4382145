// Payment profiles and prepayments are found on the site again: a run resuming after a crash (even past
// the uniqueness token's hour) or a resync sees what an earlier create made, and adds no second one.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StepOutcome } from '../../../../src/plan/operation.js';
import { startSandbox } from '../../../../src/targets/advanced-billing/sandbox/index.js';
import { ChargifyClient } from '../../../../src/targets/advanced-billing/client/client.js';
import type { AdvancedBillingApi } from '../../../../src/targets/advanced-billing/api.js';
import { withTempDir } from '../../../helpers/temp-dir.js';
import { CATALOG } from './catalog-rows.js';
import { type HandledOperation, SimpleResolver, rowFrom, rowsOf, runSteps, stepsOf } from './harness.js';
import { siteUnderTest } from './site-under-test.js';

const CUSTOMER = {
  create_customer: 'TRUE', import_identifier_customer_reference: 'cust-pp', has_parent: 'FALSE', first_name: 'Pat', last_name: 'Payer',
  email: 'pat@example.com', create_payment_profile: 'TRUE', payment_profile_type: 'credit_card', current_vault: 'bogus',
  vault_token: 'tok_card_SECRET_987654', credit_card_first_name: 'Pat', credit_card_last_name: 'Payer', last_four: '4242', card_type: 'visa',
  exp_month: '11', exp_year: '2031',
};

const SUBSCRIPTION = {
  create_subscription: 'TRUE', import_identifier_customer_reference: 'cust-pp', who_pays: 'self', invoice_type: 'normal', align: 'FALSE',
  receive_invoice_emails: 'TRUE', subscription_reference: 'sub-pp', currency: 'USD', payment_collection_method: 'remittance',
  next_billing_at: '2027-03-01', product_handle: 'basic', prepayment_balance: '40.00',
};

const customerSteps = (values: Record<string, string> = {}) => stepsOf([rowFrom('customers-advanced', { ...CUSTOMER, ...values })]);
const only = (steps: HandledOperation[], type: string) => steps.find((step) => step.type === type)!;

/** As a resumed run settles an interrupted create: find the object on the site, create it only when absent. */
async function findOrCreate(target: AdvancedBillingApi, steps: HandledOperation[], resolver: SimpleResolver): Promise<Map<string, StepOutcome>> {
  const outcomes = new Map<string, StepOutcome>();
  for (const step of steps) {
    const outcome = (await step.find(target, resolver)) ?? (await step.create(target, resolver));
    outcomes.set(step.naturalKey, outcome);
    resolver.created.set(`${step.provides.type}:${step.provides.key}`, outcome);
  }
  return outcomes;
}

describe('a payment profile already on the site', () => {
  it('is found with the id it was created under, and not before it exists', async () => {
    const site = await siteUnderTest();
    try {
      const steps = customerSteps();
      const profileStep = only(steps, 'payment_profile');
      expect(await profileStep.find(site.client, new SimpleResolver(site.client))).toBeUndefined();
      const created = await runSteps(site.client, steps);
      const found = await profileStep.find(site.client, new SimpleResolver(site.client));
      expect(found?.id).toBe(created.get('payment_profile:cust-pp')!.id);
      expect(found?.applied).toEqual(created.get('payment_profile:cust-pp')!.applied);
      expect(JSON.stringify(found)).not.toContain('SECRET');
    } finally {
      await site.close();
    }
  });

  it('is not mistaken for another card of the customer, nor for another customer’s card', async () => {
    const site = await siteUnderTest();
    try {
      await runSteps(site.client, customerSteps());
      const customerId = Number((await site.client.findCustomerByReference('cust-pp'))!.id);
      const other = (values: Record<string, string>) =>
        only(stepsOf([rowFrom('customers-advanced', { ...CUSTOMER, ...values })]), 'payment_profile').find(site.client, new SimpleResolver(site.client));
      expect(await other({ last_four: '1111' })).toBeUndefined();
      expect(await other({ exp_year: '2032' })).toBeUndefined();
      expect(await other({ vault_token: 'tok_card_SECRET_980000' })).toBeUndefined();
      expect(await other({ payment_profile_type: 'bank_account', bank_account_first_name: 'Pat', bank_account_last_name: 'Payer', bank_name: 'Bank' })).toBeUndefined();
      // The same card on a second customer is that customer's, not this one's.
      await runSteps(site.client, customerSteps({ import_identifier_customer_reference: 'cust-twin', email: 'twin@example.com' }));
      const twin = Number((await site.client.findCustomerByReference('cust-twin'))!.id);
      const mine = await only(customerSteps(), 'payment_profile').find(site.client, new SimpleResolver(site.client));
      const theirs = await only(customerSteps({ import_identifier_customer_reference: 'cust-twin' }), 'payment_profile').find(site.client, new SimpleResolver(site.client));
      expect((await site.client.listPaymentProfiles(customerId)).map((profile) => profile.id)).toEqual([mine!.id]);
      expect((await site.client.listPaymentProfiles(twin)).map((profile) => profile.id)).toEqual([theirs!.id]);
    } finally {
      await site.close();
    }
  });

  it('within the token hour, a second create of the row answers the first profile (409, then the lookup)', async () => {
    const site = await siteUnderTest();
    try {
      const first = await runSteps(site.client, customerSteps());
      const again = await only(customerSteps(), 'payment_profile').create(site.client, new SimpleResolver(site.client));
      expect(again.id).toBe(first.get('payment_profile:cust-pp')!.id);
      const customerId = Number((await site.client.findCustomerByReference('cust-pp'))!.id);
      expect(await site.client.listPaymentProfiles(customerId)).toHaveLength(1);
    } finally {
      await site.close();
    }
  });

  it('after the token hour, a resumed run finds the profile of an interrupted create instead of adding a second', async () => {
    await withTempDir({}, async (dataDir) => {
      const first = await startSandbox({ port: 0, host: '127.0.0.1', dataDir });
      const firstClient = new ChargifyClient({ name: 'first', baseUrl: first.baseUrl }, { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50 });
      const created = await runSteps(firstClient, customerSteps());
      await firstClient.close();
      await first.close();
      // The hour passes: the restarted sandbox has forgotten every uniqueness token it saw.
      const log = join(dataDir, 'sandbox-state.jsonl');
      const lines = (await readFile(log, 'utf8')).split('\n');
      expect(lines.some((line) => line.includes('"t":"tok"'))).toBe(true);
      await writeFile(log, lines.filter((line) => !line.includes('"t":"tok"')).join('\n'));

      const later = await startSandbox({ port: 0, host: '127.0.0.1', dataDir });
      const client = new ChargifyClient({ name: 'later', baseUrl: later.baseUrl }, { backoffBaseMs: 5, throttlePauseMs: 5, backoffMaxMs: 50 });
      try {
        const customerId = Number((await client.findCustomerByReference('cust-pp'))!.id);
        const rerun = await findOrCreate(client, customerSteps(), new SimpleResolver(client));
        expect(rerun.get('payment_profile:cust-pp')!.id).toBe(created.get('payment_profile:cust-pp')!.id);
        expect(await client.listPaymentProfiles(customerId)).toHaveLength(1);
        // Without `find`, the same create is no longer refused: this is the duplicate the lookup prevents.
        await only(customerSteps(), 'payment_profile').create(client, new SimpleResolver(client));
        expect(await client.listPaymentProfiles(customerId)).toHaveLength(2);
      } finally {
        await client.close();
        await later.close();
      }
    });
  });
});

describe('a prepayment already on the subscription', () => {
  it('is found by amount and memo; another prepayment on the subscription is not taken for it', async () => {
    const site = await siteUnderTest();
    try {
      await runSteps(site.client, CATALOG.slice(0, 2).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv))));
      const customer = customerSteps({ create_payment_profile: 'FALSE' });
      const subscription = stepsOf([rowFrom('subscriptions-advanced', SUBSCRIPTION)]);
      const prepaymentStep = only(subscription, 'prepayment');
      await runSteps(site.client, customer);
      // The subscription alone, then a prepayment of the same amount under another memo: a positive
      // balance, but not the row's prepayment.
      const subscriptionOnly = subscription.filter((step) => step.type === 'subscription');
      const resolver = new SimpleResolver(site.client);
      const made = await runSteps(site.client, subscriptionOnly, resolver);
      const subscriptionId = Number(made.get('subscription:sub-pp')!.id);
      await site.client.createPrepayment(subscriptionId, '40.00', 'Paid by check before the migration', { naturalKey: 'test:other-prepayment' });
      expect(await prepaymentStep.find(site.client, resolver)).toBeUndefined();

      const outcome = await prepaymentStep.create(site.client, resolver);
      expect(await prepaymentStep.find(site.client, new SimpleResolver(site.client))).toEqual(outcome);
      expect(outcome.applied).toEqual({ prepayment_balance: '40.00' });
      const rerun = await findOrCreate(site.client, [prepaymentStep], new SimpleResolver(site.client));
      expect(rerun.get(prepaymentStep.naturalKey)).toEqual(outcome);
      expect(await site.client.listPrepayments(subscriptionId)).toHaveLength(2);
    } finally {
      await site.close();
    }
  });

  it('counts in the currency’s minor unit (JPY has none)', async () => {
    const site = await siteUnderTest({ currency: 'JPY' });
    try {
      // The catalog in whole yen.
      await runSteps(site.client, CATALOG.slice(0, 2).flatMap(([kind, csv]) => stepsOf(rowsOf(kind, csv.replace('10.00', '1000').replace(',5.50', ',550')))));
      const steps = [...customerSteps({ create_payment_profile: 'FALSE' }), ...stepsOf([rowFrom('subscriptions-advanced', { ...SUBSCRIPTION, currency: 'JPY', prepayment_balance: '5000' })])];
      const created = await runSteps(site.client, steps);
      const subscriptionId = Number(created.get('subscription:sub-pp')!.id);
      expect((await site.client.listPrepayments(subscriptionId)).map((prepayment) => prepayment.amount_in_cents)).toEqual([5000]);
      const found = await only(steps, 'prepayment').find(site.client, new SimpleResolver(site.client));
      expect(found?.applied).toEqual({ prepayment_balance: '5000' });
    } finally {
      await site.close();
    }
  });
});
